package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.revoketokenbot.support.SlackRequests.click;
import static dev.revoketokenbot.support.SlackRequests.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revoketokenbot.support.PostgresLedger;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flow on the shared ledger, a real PostgreSQL: every decision is a row, and one click wins. */
@QuarkusTest
@WithTestResource(WireMockStubs.class)
@WithTestResource(PostgresLedger.class)
class SharedLedgerFlowTest extends SlackFlowTest {

    @Test
    void aRevocationIsRecordedInPostgres() {
        String request = requestMessage();
        String requestId = requestIdOf(request);
        assertThat(ledger.stage(requestId)).isEqualTo("OPEN");
        stubs.influxDelete(ID, aResponse().withStatus(204));

        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("click")));

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0)).contains("*revoked*", "Verified");
        eventually(() -> stubs.slackCalls("chat.postMessage"), 2);
        assertThat(ledger.stage(requestId)).isEqualTo("REVOKED");
        assertThat(ledger.decisions(requestId)).containsExactly("request:posted", "revoke:revoked");
        assertThat(ledger.undelivered()).isEmpty();
        assertThat(stubs.deletes(ID)).hasSize(1);
    }

    @Test
    void aCancelledRequestCannotBeRevokedAfterwards() {
        String request = requestMessage();
        stubs.influxDelete(ID, aResponse().withStatus(204));
        send(click(REQUESTER, CHANNEL, ActionIds.CANCEL, buttonValue(request), stubs.responseUrl("cancel")));
        eventually(() -> stubs.slackCalls("chat.update"), 1);

        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("revoke")));

        assertThat(eventually(() -> stubs.responses("revoke"), 1).get(0))
                .contains("already cancelled by <@" + REQUESTER + ">");
        assertThat(stubs.deletes(ID)).isEmpty();
        assertThat(ledger.stage(requestIdOf(request))).isEqualTo("CANCELLED");
        assertThat(stubs.slackCalls("chat.update")).hasSize(1);
    }

    @Test
    void simultaneousRevokeAndCancelClicksMakeOneDecision() throws Exception {
        String request = requestMessage();
        stubs.influxDelete(ID, aResponse().withStatus(204).withFixedDelay(200));
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String body = i % 3 == 0
                    ? click(REQUESTER, CHANNEL, ActionIds.CANCEL, buttonValue(request), stubs.responseUrl("c" + i))
                    : click(
                            i % 2 == 0 ? APPROVER : "UAPPROVER2",
                            CHANNEL,
                            ActionIds.REVOKE,
                            buttonValue(request),
                            stubs.responseUrl("c" + i));
            bodies.add(body);
        }
        sendAtOnce(bodies);

        eventually(() -> stubs.slackCalls("chat.update"), 1);
        String stage = ledger.stage(requestIdOf(request));
        assertThat(stage).isIn("REVOKED", "CANCELLED");
        assertThat(stubs.deletes(ID)).hasSize(stage.equals("REVOKED") ? 1 : 0);
        assertThat(ledger.decisions(requestIdOf(request)))
                .filteredOn(d -> d.endsWith(":revoked") || d.endsWith(":cancelled"))
                .hasSize(1);
    }
}
