package dev.revoketokenbot.slack;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.MethodsClientImpl;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import okhttp3.FormBody;
import okhttp3.Response;

/**
 * The SDK's Web API client, except that responses are parsed with one {@link Gson} kept for the
 * client's life. The SDK (1.48.0) builds a new Gson for every response, and each new Gson builds
 * its reflective type adapters again: that was the top of the service's CPU profile under load
 * ({@code src/bench/BENCHMARKS.md}). Requests, errors and response listeners are the SDK's own.
 */
final class SharedGsonMethodsClient extends MethodsClientImpl {

    private final Gson gson;

    SharedGsonMethodsClient(Slack slack, String token) {
        super(slack.getHttpClient(), token);
        setEndpointUrlPrefix(slack.getConfig().getMethodsEndpointUrlPrefix());
        this.gson = GsonFactory.createSnakeCase(slack.getConfig());
    }

    @Override
    protected <T extends SlackApiTextResponse> T postFormWithTokenAndParseResponse(
            FormBody.Builder form, String methodName, String token, Class<T> type)
            throws IOException, SlackApiException {
        Response response = postFormWithToken(form, methodName, token);
        String body = response.body().string();
        if (!response.isSuccessful()) {
            throw new SlackApiException(getSlackHttpClient().getConfig(), response, body);
        }
        try {
            T parsed = gson.fromJson(body, type);
            parsed.setHttpResponseHeaders(response.headers().toMultimap());
            return parsed;
        } finally {
            getSlackHttpClient().runHttpResponseListeners(response, body);
        }
    }
}
