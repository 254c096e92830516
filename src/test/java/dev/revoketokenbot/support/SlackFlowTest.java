package dev.revoketokenbot.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the flow tests: fresh stubs and log capture before each test, and after each, no
 * InfluxDB interaction outside InfluxDB's contract. Subclasses are {@code @QuarkusTest} with
 * {@code @WithTestResource(WireMockStubs.class)}.
 */
public abstract class SlackFlowTest {

    @InjectStubs
    protected Stubs stubs;

    protected LogCapture logs;

    @Inject
    @CacheName("approver-groups")
    Cache approverGroups;

    @BeforeEach
    void freshStubsAndLogs() {
        stubs.reset();
        approverGroups.invalidateAll().await().indefinitely();
        logs = LogCapture.start();
    }

    @AfterEach
    void influxTrafficMatchedItsContract() {
        assertThat(stubs.contract().violations())
                .as("InfluxDB contract violations")
                .isEmpty();
    }
}
