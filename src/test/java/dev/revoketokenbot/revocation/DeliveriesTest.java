package dev.revoketokenbot.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revoketokenbot.config.RevokeSettings;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How long the outbox waits before trying a delivery again. */
class DeliveriesTest {

    private final Deliveries deliveries =
            new Deliveries(null, null, settings(Duration.ofSeconds(2), Duration.ofMinutes(1)));

    @ParameterizedTest(name = "[{index}] after {0} failed tries, wait {1}")
    @CsvSource({"0, PT2S", "1, PT4S", "2, PT8S", "4, PT32S", "5, PT1M", "6, PT1M", "60, PT1M", "2147483647, PT1M"})
    void doublesFromTheFirstRetryUpToTheLongest(int failedBefore, Duration wait) {
        assertThat(deliveries.backoff(failedBefore)).isEqualTo(wait);
    }

    /** Settings whose outbox waits {@code first}, doubling up to {@code max}; nothing else is read. */
    private static RevokeSettings settings(Duration first, Duration max) {
        RevokeSettings.Outbox outbox = (RevokeSettings.Outbox) Proxy.newProxyInstance(
                RevokeSettings.Outbox.class.getClassLoader(),
                new Class<?>[] {RevokeSettings.Outbox.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "firstRetry" -> first;
                    case "maxRetry" -> max;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (RevokeSettings) Proxy.newProxyInstance(
                RevokeSettings.class.getClassLoader(), new Class<?>[] {RevokeSettings.class}, (proxy, method, args) -> {
                    if (method.getName().equals("outbox")) {
                        return outbox;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
