package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.revoketokenbot.support.InfluxBodies;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A status change InfluxDB refuses or does not answer. Refused: the clicker is told what the bot
 * lacks, the request stays where it was, and nothing is claimed. Unanswered, with the token
 * unreadable: the clicker is told the bot can't tell yet, and settling later records what InfluxDB
 * then shows: deactivated (credited to the clicker) or "did not take effect" (the request is open
 * again).
 */
@QuarkusTest
@WithTestResource(WireMockStubs.class)
class DeactivateFaultsTest extends SlackFlowTest {

    private static final String TOKEN_PATH = "/api/v2/authorizations/" + ID;

    private static ResponseDefinitionBuilder forbidden() {
        return aResponse()
                .withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody(InfluxBodies.error("forbidden", "insufficient permissions for write:authorizations"));
    }

    @Test
    void aForbiddenPatchSaysWhatTheBotLacksAndLeavesTheRequestOpen() {
        String request = requestMessage();
        String requestId = requestIdOf(request);
        stubs.influx().stubFor(patch(urlEqualTo(TOKEN_PATH)).willReturn(forbidden()));

        clickAs(APPROVER, ActionIds.DEACTIVATE, request, "click");

        assertThat(answerTo("click"))
                .contains(
                        "lacks permission to change authorizations (403 Forbidden)",
                        "`write:authorizations`",
                        "Nothing was changed",
                        "The request stays open");
        assertThat(stubs.patches(ID)).as("a refusal is not retried").hasSize(1);
        assertThat(stubs.slackCalls("chat.update")).isEmpty();
        assertThat(stubs.slackCalls("chat.postMessage")).hasSize(1);
        assertThat(ledger.stage(requestId)).isEqualTo("OPEN");
        assertThat(ledger.decisions(requestId)).containsExactly("request:posted", "deactivate:failed");
        assertThat(auditLinesWith(
                        "\"event\":\"deactivate\"",
                        "\"outcome\":\"failed\"",
                        "\"why\":\"influx_forbidden\"",
                        "\"influx_status\":403"))
                .hasSize(1);
        assertThat(logs.audit()).noneSatisfy(line -> assertThat(line).contains("\"outcome\":\"deactivated\""));

        // Once the bot may write, the same request can still be deactivated.
        stubs.influx().resetMappings();
        stubs.influxGet(ID, okJson(InfluxBodies.authorization(ID, "ci-writer", "telegraf")));
        stubs.influxStatusFollowsPatches(ID, "ci-writer", "telegraf");
        clickAs(APPROVER2, ActionIds.DEACTIVATE, request, "again");

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                .contains("*Deactivated* by <@" + APPROVER2 + ">");
        assertThat(ledger.stage(requestId)).isEqualTo("DEACTIVATED");
    }

    @Test
    void aForbiddenReactivationLeavesTheTokenDeactivated() {
        String request = requestMessage();
        String requestId = requestIdOf(request);
        stubs.influxStatusFollowsPatches(ID, "ci-writer", "telegraf");
        clickAs(APPROVER, ActionIds.DEACTIVATE, request, "deactivate");
        eventually(() -> stubs.slackCalls("chat.update"), 1);
        stubs.influx().stubFor(patch(urlEqualTo(TOKEN_PATH)).atPriority(1).willReturn(forbidden()));

        clickAs(APPROVER2, ActionIds.REACTIVATE, request, "reactivate");

        assertThat(answerTo("reactivate"))
                .contains("lacks permission to change authorizations (403 Forbidden)", "Nothing was changed");
        assertThat(stubs.slackCalls("chat.update")).hasSize(1);
        assertThat(ledger.stage(requestId)).isEqualTo("DEACTIVATED");
        assertThat(ledger.decisions(requestId))
                .containsExactly("request:posted", "deactivate:deactivated", "reactivate:failed");

        // The message, shown again once the request expires, still names who deactivated it, and when.
        ledger.expire(requestId);
        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 2).get(1))
                .contains(
                        "*Deactivated* by <@" + APPROVER + "> at <!date^",
                        "Verified: InfluxDB shows it inactive",
                        "*stays deactivated*")
                .doesNotContain("<@" + APPROVER2 + ">");
    }

    @Test
    void aRevokeThatFailsOnADeactivatedTokenLeavesItDeactivatedByWhoDeactivatedIt() {
        String request = requestMessage();
        String requestId = requestIdOf(request);
        stubs.influxStatusFollowsPatches(ID, "ci-writer", "telegraf");
        stubs.influxDelete(
                ID,
                aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody(InfluxBodies.error("internal error", "boom")));
        clickAs(APPROVER, ActionIds.DEACTIVATE, request, "deactivate");
        String deactivated =
                eventually(() -> stubs.slackCalls("chat.update"), 1).get(0);

        clickAs(APPROVER2, ActionIds.REVOKE, request, "revoke");

        assertThat(answerTo("revoke")).contains("InfluxDB unavailable (HTTP 500), nothing was changed");
        assertThat(stubs.deletes(ID)).hasSize(3);
        assertThat(ledger.stage(requestId)).isEqualTo("DEACTIVATED");
        assertThat(ledger.decisions(requestId))
                .containsExactly("request:posted", "deactivate:deactivated", "revoke:failed");
        // The message, shown again once the request expires, still names who deactivated it, and when.
        ledger.expire(requestId);
        String kept = eventually(() -> stubs.slackCalls("chat.update"), 2).get(1);
        assertThat(kept)
                .contains(
                        "*Deactivated* by <@" + APPROVER + "> at " + deactivatedAt(deactivated),
                        "Verified: InfluxDB shows it inactive",
                        "*stays deactivated*")
                .doesNotContain("<@" + APPROVER2 + ">");
        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 3).get(2))
                .contains("expired; the token stays deactivated");
    }

    /** The date token after "*Deactivated* by ... at " in a request message. */
    private static String deactivatedAt(String message) {
        java.util.regex.Matcher at = java.util.regex.Pattern.compile(
                        "\\*Deactivated\\* by <@[^>]+> at (<!date\\^[^>]+>)")
                .matcher(message);
        assertThat(at.find()).as("a deactivation time in %s", message).isTrue();
        return at.group(1);
    }

    @Test
    void anUnansweredPatchIsSettledAsDeactivatedOnceInfluxDbShowsTheTokenInactive() {
        String request = requestMessage();
        String requestId = requestIdOf(request);
        influxAnswersNothing(InfluxBodies.unavailableResponse());

        clickAs(APPROVER, ActionIds.DEACTIVATE, request, "click");

        assertThat(answerTo("click"))
                .contains(
                        "InfluxDB did not confirm the deactivation of token `" + ID + "`",
                        "can't tell yet whether it is deactivated",
                        "do not assume it is")
                .doesNotContainIgnoringCase("nothing was changed");
        assertThat(stubs.slackCalls("chat.update")).isEmpty();
        assertThat(ledger.stage(requestId)).isEqualTo("DEACTIVATING");

        // InfluxDB answers again, and the token is inactive: the PATCH had taken effect.
        stubs.influx().resetMappings();
        stubs.influx()
                .stubFor(get(urlEqualTo(TOKEN_PATH))
                        .willReturn(okJson(
                                InfluxBodies.inactive(InfluxBodies.authorization(ID, "ci-writer", "telegraf")))));

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                .contains(
                        "*Deactivated* by <@" + APPROVER + ">",
                        "Verified: InfluxDB shows it inactive",
                        ActionIds.REACTIVATE,
                        ActionIds.REVOKE);
        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1))
                .contains("Audit", "deactivated (reversible) by <@" + APPROVER + ">");
        assertThat(ledger.stage(requestId)).isEqualTo("DEACTIVATED");
        assertThat(ledger.decisions(requestId))
                .containsExactly("request:posted", "deactivate:unconfirmed", "deactivate:deactivated");
        assertThat(auditLinesWith("\"outcome\":\"deactivated\"", "\"actor\":\"" + APPROVER + "\""))
                .hasSize(1);
    }

    @Test
    void aPatchThatTimesOutAndNeverTookEffectReopensTheRequestAndSaysSo() {
        String request = requestMessage();
        String requestId = requestIdOf(request);
        // Every PATCH answers after the bot's read timeout (2.5 s in tests), and reads fail.
        influxAnswersNothing(InfluxBodies.unavailableResponse().withFixedDelay(4_000));

        clickAs(APPROVER, ActionIds.DEACTIVATE, request, "click");

        await().atMost(Duration.ofSeconds(40))
                .until(() -> !stubs.responses("click").isEmpty());
        assertThat(stubs.responses("click").get(0)).contains("can't tell yet whether it is deactivated");

        // InfluxDB answers again and the token is still active: the deactivation never took effect.
        stubs.influx().resetMappings();
        stubs.influxGet(ID, okJson(InfluxBodies.authorization(ID, "ci-writer", "telegraf")));

        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1))
                .contains(
                        "still active",
                        "the deactivation approved by <@" + APPROVER + "> did not take effect",
                        "open again");
        assertThat(ledger.stage(requestId)).isEqualTo("OPEN");
        assertThat(stubs.slackCalls("chat.update")).isEmpty();
        assertThat(ledger.decisions(requestId))
                .containsExactly("request:posted", "deactivate:unconfirmed", "deactivate:failed");
        assertThat(auditLinesWith("\"outcome\":\"failed\"", "\"why\":\"status_not_applied\""))
                .hasSize(1);
    }

    /** PATCH answers {@code patchAnswer}, and every read of the token fails: nobody can tell what happened. */
    private void influxAnswersNothing(ResponseDefinitionBuilder patchAnswer) {
        stubs.influx().stubFor(patch(urlEqualTo(TOKEN_PATH)).willReturn(patchAnswer));
        stubs.influx()
                .stubFor(get(urlEqualTo(TOKEN_PATH)).atPriority(1).willReturn(InfluxBodies.unavailableResponse()));
    }
}
