package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.revoketokenbot.support.SlackRequests.click;
import static dev.revoketokenbot.support.SlackRequests.command;
import static dev.revoketokenbot.support.SlackRequests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.revoketokenbot.support.InfluxBodies;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code revoke.allowed-channels}, {@code revoke.audit-channel} and {@code revoke.self-approval}. */
@QuarkusTest
@TestProfile(ChannelSettingsTest.Settings.class)
@WithTestResource(WireMockStubs.class)
class ChannelSettingsTest extends SlackFlowTest {

    static final String AUDIT_CHANNEL = "CAUDIT";

    public static class Settings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "revoke.allowed-channels",
                    CHANNEL + ",CSECOND",
                    "revoke.audit-channel",
                    AUDIT_CHANNEL,
                    "revoke.self-approval",
                    "true");
        }
    }

    @Test
    void theCommandIsRefusedOutsideTheAllowedChannels() {
        send(command(REQUESTER, "CRANDOM", ID, stubs.responseUrl("cmd")))
                .statusCode(200)
                .body("text", containsString("not enabled in this channel"));

        assertThat(stubs.influxRequests()).isEmpty();
        assertThat(stubs.slackCalls("chat.postMessage")).isEmpty();
    }

    @Test
    void aClickOutsideTheAllowedChannelsIsRefusedBeforeTheLedgerIsRead() {
        String request = requestMessage();

        send(click(APPROVER, "CRANDOM", ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("click")));

        assertThat(eventually(() -> stubs.responses("click"), 1).get(0)).contains("not enabled in this channel");
        assertThat(stubs.deletes(ID)).isEmpty();
        assertThat(ledger.stage(requestIdOf(request))).isEqualTo("OPEN");
        assertThat(ledger.decisions(requestIdOf(request))).containsExactly("request:posted");
        assertThat(logs.audit()).anySatisfy(line -> assertThat(line).contains("\"why\":\"channel_not_allowed\""));
    }

    @Test
    void theAuditMessageGoesToTheAuditChannelAndSelfApprovalWorksWhenAllowed() {
        stubs.influxGet(ID, okJson(InfluxBodies.authorization(ID, "ci-writer", "")));
        stubs.influxDelete(ID, aResponse().withStatus(204));
        send(command(APPROVER, CHANNEL, ID, stubs.responseUrl("cmd"))).statusCode(200);
        String request =
                eventually(() -> stubs.slackCalls("chat.postMessage"), 1).get(0);

        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("click")));

        String audit = eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1);
        assertThat(audit).contains("channel=" + AUDIT_CHANNEL, "Audit", ID);
        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0)).contains("channel=" + CHANNEL);
        assertThat(stubs.deletes(ID)).hasSize(1);
    }
}
