package dev.revoketokenbot.slack;

import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.middleware.builtin.SingleTeamAuthorization;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.InstallationService;

/**
 * Bolt's {@link SingleTeamAuthorization}, created on the first request that has passed signature
 * verification. Bolt builds it eagerly and it calls {@code auth.test} when built, so an unsigned
 * request would otherwise reach Slack's API before being refused. If {@code auth.test} fails, the
 * next request tries again.
 */
final class DeferredTeamAuthorization implements Middleware {

    private final AppConfig config;
    private final InstallationService installations;
    private volatile SingleTeamAuthorization delegate;

    DeferredTeamAuthorization(AppConfig config, InstallationService installations) {
        this.config = config;
        this.installations = installations;
    }

    @Override
    public Response apply(Request request, Response response, MiddlewareChain chain) throws Exception {
        return delegate().apply(request, response, chain);
    }

    private SingleTeamAuthorization delegate() {
        SingleTeamAuthorization current = delegate;
        if (current == null) {
            synchronized (this) {
                current = delegate;
                if (current == null) {
                    current = new SingleTeamAuthorization(config, installations);
                    delegate = current;
                }
            }
        }
        return current;
    }
}
