package dev.revoketokenbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.model.block.LayoutBlock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;

/**
 * Posts and updates channel messages through the Web API. Bolt's client does not retry rate
 * limits, so a 429 is retried here (twice, waiting what {@code Retry-After} asks, up to 10 s).
 * Every call answers with what Slack said: the message's timestamp, or Slack's error code.
 */
@ApplicationScoped
public class SlackMessages {

    private static final Logger LOG = Logger.getLogger(SlackMessages.class);
    private static final long MAX_RETRY_AFTER_MILLIS = 10_000;

    private final MethodsClient slack;
    private final MeterRegistry metrics;
    private final Guard rateLimitRetries = Guard.create()
            .withDescription("slack-web-api")
            .withRetry()
            .maxRetries(2)
            .delay(1, ChronoUnit.SECONDS)
            .maxDuration(30, ChronoUnit.SECONDS)
            .whenException(RateLimited.class::isInstance)
            .withCustomBackoff()
            .strategy(RetryAfter::new)
            .done()
            .done()
            .build();

    SlackMessages(MethodsClient slack, MeterRegistry metrics) {
        this.slack = slack;
        this.metrics = metrics;
    }

    /**
     * What Slack said to one call.
     *
     * @param ts the message's timestamp, when Slack took it
     * @param error Slack's error code, or null when Slack took it
     * @param retryAfter how long Slack asked the bot to wait, after a rate limit
     */
    record Sent(String ts, String error, Optional<Duration> retryAfter) {

        boolean ok() {
            return error == null;
        }
    }

    Sent post(String channel, String text, List<LayoutBlock> blocks) {
        return send("chat.postMessage", () -> {
            ChatPostMessageResponse response =
                    slack.chatPostMessage(r -> r.channel(channel).text(text).blocks(blocks));
            return new Answer(response, response.getTs());
        });
    }

    Sent post(String channel, String text) {
        return send("chat.postMessage", () -> {
            ChatPostMessageResponse response =
                    slack.chatPostMessage(r -> r.channel(channel).text(text));
            return new Answer(response, response.getTs());
        });
    }

    Sent update(String channel, String ts, String text, List<LayoutBlock> blocks) {
        return send("chat.update", () -> {
            ChatUpdateResponse response =
                    slack.chatUpdate(r -> r.channel(channel).ts(ts).text(text).blocks(blocks));
            return new Answer(response, response.getTs());
        });
    }

    private record Answer(SlackApiTextResponse response, String ts) {}

    /** One Web API call with its retries, timed as {@code revoke_slack_calls{method, outcome}}. */
    private Sent send(String method, Callable<Answer> call) {
        Timer.Sample sample = Timer.start(metrics);
        String error;
        String ts = null;
        long retryAfterMillis = -1;
        try {
            Answer answer = rateLimitRetries.call(
                    () -> {
                        try {
                            return call.call();
                        } catch (SlackApiException e) {
                            if (e.getResponse().code() == 429) {
                                throw new RateLimited(e.getResponse().header("Retry-After"));
                            }
                            throw e;
                        }
                    },
                    Answer.class);
            error = answer.response().isOk() ? null : answer.response().getError();
            ts = answer.ts();
        } catch (RateLimited e) {
            error = "ratelimited";
            retryAfterMillis = e.retryAfterMillis;
        } catch (SlackApiException e) {
            error = e.getError() != null && e.getError().getError() != null
                    ? e.getError().getError()
                    : "http_" + e.getResponse().code();
        } catch (IOException e) {
            error = "slack_unreachable";
        } catch (Exception e) {
            error = "unexpected_" + e.getClass().getSimpleName();
        }
        if (error != null) {
            LOG.warnf("%s failed: %s", method, error);
        }
        String outcome = error == null ? "ok" : error.matches("[a-z_]{1,40}") ? error : "other";
        sample.stop(metrics.timer("revoke_slack_calls", "method", method, "outcome", outcome));
        return new Sent(
                ts, error, retryAfterMillis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(retryAfterMillis)));
    }

    /** Slack answered 429; carries its {@code Retry-After} in seconds, when given. */
    static final class RateLimited extends Exception {
        private static final long serialVersionUID = 1L;
        private final long retryAfterMillis;

        RateLimited(String retryAfterSeconds) {
            super("rate limited", null, false, false);
            long millis = -1;
            if (retryAfterSeconds != null && retryAfterSeconds.trim().matches("\\d{1,5}")) {
                millis = Long.parseLong(retryAfterSeconds.trim()) * 1000;
            }
            this.retryAfterMillis = millis;
        }
    }

    private static final class RetryAfter implements CustomBackoffStrategy {
        private long initialDelayMillis;

        @Override
        public void init(long initialDelayInMillis) {
            this.initialDelayMillis = initialDelayInMillis;
        }

        @Override
        public long nextDelayInMillis(Throwable cause) {
            if (cause instanceof RateLimited limited && limited.retryAfterMillis >= 0) {
                return Math.min(limited.retryAfterMillis, MAX_RETRY_AFTER_MILLIS);
            }
            return initialDelayMillis;
        }
    }
}
