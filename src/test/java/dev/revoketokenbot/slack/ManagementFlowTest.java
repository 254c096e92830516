package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.revoketokenbot.support.InfluxBodies3.TOKEN_ID;
import static dev.revoketokenbot.support.InfluxBodies3.managementDeletedResponse;
import static dev.revoketokenbot.support.InfluxBodies3.managementErrorResponse;
import static dev.revoketokenbot.support.InfluxBodies3.managementTokenResponse;
import static dev.revoketokenbot.support.SlackRequests.command;
import static dev.revoketokenbot.support.SlackRequests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.revoketokenbot.support.InfluxBodies3;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.Stubs;
import dev.revoketokenbot.support.TargetsStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Database tokens of Cloud Dedicated (target {@code cloud}) and Clustered (target {@code onprem})
 * through {@code /slack/events}: looked up and revoked by UUID through the Management API with that
 * target's own management token, verified by reading the token again, and every way InfluxDB can
 * fail on the way told as it is.
 */
@QuarkusTest
@WithTestResource(TargetsStubs.class)
class ManagementFlowTest extends SlackFlowTest {

    /** A token expiry (RFC 3339) as the Management API gives {@code expiresAt}. */
    private static final String EXPIRES_AT = "2027-03-01T00:00:00Z";

    /** The two Management API kinds, as the stand-ins of {@link TargetsStubs} configure them. */
    enum Kind {
        DEDICATED("cloud", "Cloud Dedicated", TargetsStubs.CLOUD_TOKEN, Stubs::dedicatedTokenPath) {
            @Override
            String token(String description) {
                return InfluxBodies3.dedicatedToken(
                        InfluxBodies3.ACCOUNT_ID, InfluxBodies3.CLUSTER_ID, TOKEN_ID, description);
            }
        },
        CLUSTERED("onprem", "Clustered", TargetsStubs.ONPREM_TOKEN, Stubs::clusteredTokenPath) {
            @Override
            String token(String description) {
                return InfluxBodies3.clusteredToken(TOKEN_ID, description);
            }
        };

        final String target;
        final String label;
        final String managementToken;
        private final Function<String, String> path;

        Kind(String target, String label, String managementToken, Function<String, String> path) {
            this.target = target;
            this.label = label;
            this.managementToken = managementToken;
            this.path = path;
        }

        /** The token {@link InfluxBodies3#TOKEN_ID}, active, as the Management API answers GET. */
        abstract String token(String description);

        /** Where the Management API has {@link InfluxBodies3#TOKEN_ID}. */
        String path() {
            return path.apply(TOKEN_ID);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theRequestMessageShowsTheDatabaseTokenAndOffersRevokeAndCancelOnly(Kind kind) {
        String token = InfluxBodies3.expiring(kind.token("CI pipeline: writes build metrics"), EXPIRES_AT);
        stubs.managementToken(kind.path(), managementTokenResponse(token), revoked(token));

        String ack = send(command(
                        REQUESTER,
                        CHANNEL,
                        "--target " + kind.target + " " + TOKEN_ID + " --reason leaked in a CI log",
                        stubs.responseUrl("cmd")))
                .statusCode(200)
                .extract()
                .path("text");

        assertThat(ack).contains("Looking up token `" + TOKEN_ID + "` on target `" + kind.target + "`");
        String request =
                eventually(() -> stubs.slackCalls("chat.postMessage"), 1).get(0);
        assertThat(request)
                .contains(
                        "channel=" + CHANNEL,
                        "*Token ID*",
                        TOKEN_ID,
                        "`" + kind.target + "` · " + kind.label,
                        "CI pipeline: writes build metrics",
                        "write ci-metrics, read ci-metrics",
                        "*Status*",
                        "active",
                        "*Created*",
                        "2026-11-30T10:14:03Z",
                        "*Token expires*",
                        "|" + EXPIRES_AT + ">",
                        "<@" + REQUESTER + ">",
                        "leaked in a CI log",
                        ActionIds.REVOKE,
                        ActionIds.CANCEL)
                .doesNotContain(ActionIds.DEACTIVATE, "*User*", "*Org*", kind.managementToken);
        assertThat(stubs.influxRequests()).singleElement().satisfies(get -> {
            assertThat(get.getMethod().getName()).isEqualTo("GET");
            assertThat(get.getUrl()).isEqualTo(kind.path());
            assertThat(get.getHeader("Authorization")).isEqualTo("Bearer " + kind.managementToken);
        });
        assertThat(ledger.decisions(requestIdOf(request))).containsExactly("request:posted");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anApproversRevokeDeletesTheTokenOnceAndTheReadBackVerifiesIt(Kind kind) {
        String token = kind.token("telegraf on build hosts");
        stubs.managementToken(kind.path(), managementTokenResponse(token), revoked(token));
        stubs.managementDelete(kind.path(), managementDeletedResponse());
        send(command(
                        REQUESTER,
                        CHANNEL,
                        "target:" + kind.target + " " + TOKEN_ID + " --reason leaked in a CI log",
                        stubs.responseUrl("cmd")))
                .statusCode(200);
        String request =
                eventually(() -> stubs.slackCalls("chat.postMessage"), 1).get(0);
        assertThat(request).doesNotContain("*Token expires*");
        assertThat(stubs.managementDeletes(kind.path()))
                .as("nothing is revoked before approval")
                .isEmpty();

        clickAs(APPROVER, ActionIds.REVOKE, request, "click");

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                .contains(
                        "`" + TOKEN_ID + "` on `" + kind.target + "` *revoked* by <@" + APPROVER + ">",
                        "Verified: InfluxDB no longer has it.")
                .doesNotContain(ActionIds.REVOKE);
        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1))
                .contains(
                        "Audit: InfluxDB token `" + TOKEN_ID + "` on `" + kind.target + "` revoked by <@" + APPROVER
                                + ">",
                        "Verified: InfluxDB no longer has it.",
                        "leaked in a CI log");
        assertThat(stubs.managementDeletes(kind.path()))
                .singleElement()
                .satisfies(delete ->
                        assertThat(delete.getHeader("Authorization")).isEqualTo("Bearer " + kind.managementToken));
        assertThat(stubs.influxRequests())
                .as("every call went to the token's own path")
                .extracting(LoggedRequest::getUrl)
                .containsOnly(kind.path());
        String requestId = requestIdOf(request);
        assertThat(ledger.stage(requestId)).isEqualTo("REVOKED");
        assertThat(ledger.decisions(requestId)).containsExactly("request:posted", "revoke:revoked");
        assertThat(auditLinesWith(
                        "\"event\":\"revoke\"",
                        "\"authorization_id\":\"" + TOKEN_ID + "\"",
                        "\"target\":\"" + kind.target + "\"",
                        "\"actor\":\"" + APPROVER + "\"",
                        "\"outcome\":\"revoked\",\"why\":\"verified\",\"influx_status\":204"))
                .hasSize(1);
        assertThat(stubs.everythingSentToSlack())
                .noneSatisfy(body -> assertThat(body).contains(kind.managementToken));
    }

    @Test
    void aClusteredTokenThatReadsAsNotFoundAfterTheDeleteIsVerifiedRevoked() {
        Kind kind = Kind.CLUSTERED;
        stubs.managementToken(
                kind.path(), managementTokenResponse(kind.token("telegraf")), managementErrorResponse(404));
        stubs.managementDelete(kind.path(), managementDeletedResponse());
        String request = requestFor(kind);

        clickAs(APPROVER, ActionIds.REVOKE, request, "click");

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                .contains("*revoked* by <@" + APPROVER + ">", "Verified: InfluxDB no longer has it.");
        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1))
                .contains("on `onprem` revoked by <@" + APPROVER + ">", "Verified");
        assertThat(stubs.managementDeletes(kind.path())).hasSize(1);
        assertThat(ledger.stage(requestIdOf(request))).isEqualTo("REVOKED");
        assertThat(auditLinesWith("\"target\":\"onprem\"", "\"outcome\":\"revoked\",\"why\":\"verified\""))
                .hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anUnknownTokenIsSaidSoAndNothingIsPosted(Kind kind) {
        stubs.managementToken(kind.path(), managementErrorResponse(404), managementErrorResponse(404));

        assertThat(lookupAnswer(kind))
                .contains("InfluxDB has no token `" + TOKEN_ID + "` on target `" + kind.target + "`");
        assertThat(gets(kind)).as("a 404 is not retried").isEqualTo(1);
        assertThat(auditLinesWith(
                        "\"target\":\"" + kind.target + "\"", "\"outcome\":\"lookup_failed\",\"why\":\"not_found\""))
                .hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTokenListedAsRevokedAlreadyIsSaidSoAndNothingIsPosted(Kind kind) {
        String revoked = InfluxBodies3.revoked(kind.token("telegraf"), InfluxBodies3.REVOKED_AT);
        stubs.managementToken(kind.path(), managementTokenResponse(revoked), managementTokenResponse(revoked));

        assertThat(lookupAnswer(kind))
                .contains("The Management API lists token `" + TOKEN_ID + "` on target `" + kind.target
                        + "` as revoked already: nothing to revoke.");
        assertThat(stubs.managementDeletes(kind.path())).isEmpty();
        assertThat(auditLinesWith("\"target\":\"" + kind.target + "\"", "\"why\":\"already_revoked\""))
                .hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRejectedManagementTokenAtLookupIsSaidSo(Kind kind) {
        stubs.managementToken(kind.path(), managementErrorResponse(401), managementErrorResponse(401));

        assertThat(lookupAnswer(kind))
                .contains(
                        "The bot's InfluxDB token was rejected (401 Unauthorized)",
                        "`INFLUX_TARGETS_&lt;NAME&gt;_TOKEN`",
                        "Nothing was changed.");
        assertThat(gets(kind)).as("a 401 is not retried").isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aManagementTokenWithoutPermissionAtLookupIsSaidSo(Kind kind) {
        stubs.managementToken(kind.path(), managementErrorResponse(403), managementErrorResponse(403));

        assertThat(lookupAnswer(kind))
                .contains(
                        "lacks permission to read",
                        "(403 Forbidden)",
                        "on Cloud Dedicated and Clustered, a management token",
                        "Nothing was changed.");
        assertThat(gets(kind)).as("a 403 is not retried").isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aManagementTokenRejectedAtDeleteIsToldToTheApproverAndTheRequestStaysOpen(Kind kind) {
        String token = kind.token("telegraf");
        stubs.managementToken(kind.path(), managementTokenResponse(token), revoked(token));
        stubs.managementDelete(kind.path(), managementErrorResponse(401));
        String request = requestFor(kind);

        clickAs(APPROVER, ActionIds.REVOKE, request, "click");

        assertThat(answerTo("click"))
                .contains(
                        "\"response_type\":\"ephemeral\"",
                        "The bot's InfluxDB token was rejected (401 Unauthorized)",
                        "Nothing was changed.",
                        "The request stays open.");
        String requestId = requestIdOf(request);
        assertThat(ledger.stage(requestId)).isEqualTo("OPEN");
        assertThat(ledger.decisions(requestId)).containsExactly("request:posted", "revoke:failed");
        assertThat(stubs.managementDeletes(kind.path()))
                .as("a 401 is not retried")
                .hasSize(1);
        assertThat(stubs.slackCalls("chat.update"))
                .as("the message still offers Revoke")
                .isEmpty();
        assertThat(stubs.slackCalls("chat.postMessage")).hasSize(1);
        assertThat(auditLinesWith(
                        "\"target\":\"" + kind.target + "\"",
                        "\"outcome\":\"failed\",\"why\":\"influx_unauthorized\",\"influx_status\":401"))
                .hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aServerErrorAtLookupIsRetriedThenSaidUnavailable(Kind kind) {
        stubs.managementToken(kind.path(), managementErrorResponse(500), managementErrorResponse(500));

        assertThat(lookupAnswer(kind)).contains("InfluxDB unavailable (HTTP 500), nothing was changed");
        assertThat(gets(kind)).as("the first try and two retries").isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDeleteThatFailsOnceWith500IsRetriedAndRevokesOnce(Kind kind) {
        String token = kind.token("telegraf");
        stubs.managementToken(kind.path(), managementTokenResponse(token), revoked(token));
        String scenario = Stubs.tokenScenario(kind.path());
        stubs.influx()
                .stubFor(delete(urlEqualTo(kind.path()))
                        .inScenario(scenario)
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(managementErrorResponse(500))
                        .willSetStateTo("failed once"));
        stubs.influx()
                .stubFor(delete(urlEqualTo(kind.path()))
                        .inScenario(scenario)
                        .whenScenarioStateIs("failed once")
                        .willReturn(managementDeletedResponse())
                        .willSetStateTo(Stubs.TOKEN_DELETED));
        String request = requestFor(kind);

        clickAs(APPROVER, ActionIds.REVOKE, request, "click");

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                .contains("*revoked* by <@" + APPROVER + ">", "Verified: InfluxDB no longer has it.");
        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1))
                .contains("Audit", "on `" + kind.target + "` revoked by <@" + APPROVER + ">");
        assertThat(stubs.managementDeletes(kind.path())).hasSize(2);
        String requestId = requestIdOf(request);
        assertThat(ledger.decisions(requestId)).containsExactly("request:posted", "revoke:revoked");
        assertThat(auditLinesWith("\"target\":\"" + kind.target + "\"", "\"outcome\":\"revoked\""))
                .hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aLookupThatTimesOutIsRetriedThenSaidUnavailable(Kind kind) {
        // Every GET answers after the bot's read timeout (2.5 s in tests).
        stubs.managementToken(
                kind.path(),
                managementTokenResponse(kind.token("telegraf")).withFixedDelay(4_000),
                managementErrorResponse(404));

        assertThat(lookupAnswer(kind)).contains("InfluxDB unavailable (no answer), nothing was changed");
        assertThat(gets(kind)).as("the first try and two retries").isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDeleteThatCommitsButAnswersLateIsRecordedRevokedVerifiedOnce(Kind kind) {
        String token = kind.token("telegraf");
        stubs.managementToken(kind.path(), managementTokenResponse(token), revoked(token));
        // Every DELETE answers after the bot's read timeout (2.5 s in tests); the first one took effect.
        stubs.influx()
                .stubFor(delete(urlEqualTo(kind.path()))
                        .inScenario(Stubs.tokenScenario(kind.path()))
                        .willReturn(managementDeletedResponse().withFixedDelay(4_000))
                        .willSetStateTo(Stubs.TOKEN_DELETED));
        String request = requestFor(kind);

        clickAs(APPROVER, ActionIds.REVOKE, request, "click");

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                .contains("*revoked* by <@" + APPROVER + ">", "Verified: InfluxDB no longer has it.");
        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1))
                .contains("Audit", "on `" + kind.target + "` revoked by <@" + APPROVER + ">", "Verified");
        String requestId = requestIdOf(request);
        assertThat(ledger.stage(requestId)).isEqualTo("REVOKED");
        assertThat(ledger.decisions(requestId)).containsExactly("request:posted", "revoke:revoked");
        assertThat(auditLinesWith("\"target\":\"" + kind.target + "\"", "\"outcome\":\"revoked\""))
                .hasSize(1);
        // The clicking thread tells the approver (if at all) right after the update and record it delivers.
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(stubs.responses("click"))
                        .noneSatisfy(answer -> assertThat(answer).containsIgnoringCase("nothing was changed")));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anIdOfTheWrongShapeIsAUsageAnswerNamingTheUuidShape(Kind kind) {
        String answer = send(command(
                        REQUESTER, CHANNEL, "--target " + kind.target + " " + ID, stubs.responseUrl("cmd")))
                .statusCode(200)
                .extract()
                .path("text");

        assertThat(answer)
                .contains(
                        "`" + ID + "` is not a token ID of target `" + kind.target + "` (" + kind.label + ")",
                        "a UUID, like `",
                        "*Usage*");
        assertThat(stubs.influxRequests()).isEmpty();
        assertThat(stubs.responses("cmd")).isEmpty();
        assertThat(stubs.slackCalls("chat.postMessage")).isEmpty();
    }

    /** Posts a request for {@link InfluxBodies3#TOKEN_ID} on the kind's target; returns its message. */
    private String requestFor(Kind kind) {
        send(command(REQUESTER, CHANNEL, "--target " + kind.target + " " + TOKEN_ID, stubs.responseUrl("cmd")))
                .statusCode(200);
        return eventually(() -> stubs.slackCalls("chat.postMessage"), 1).get(0);
    }

    /** Asks for {@link InfluxBodies3#TOKEN_ID} on the kind's target; returns the one answer, no message posted. */
    private String lookupAnswer(Kind kind) {
        send(command(REQUESTER, CHANNEL, "--target " + kind.target + " " + TOKEN_ID, stubs.responseUrl("cmd")))
                .statusCode(200);
        String answer = answerTo("cmd");
        assertThat(answer).contains("\"response_type\":\"ephemeral\"");
        assertThat(stubs.slackCalls("chat.postMessage"))
                .as("no request message")
                .isEmpty();
        assertThat(stubs.influxRequests())
                .as("nothing but reads of the token")
                .allSatisfy(r -> assertThat(r.getMethod().getName()).isEqualTo("GET"));
        return answer;
    }

    /** How many times the Management API was asked for the token. */
    private int gets(Kind kind) {
        return stubs.influx().findAll(getRequestedFor(urlEqualTo(kind.path()))).size();
    }

    /** The token once revoked: the Management API still lists it, with {@code revokedAt}. */
    private static ResponseDefinitionBuilder revoked(String token) {
        return managementTokenResponse(InfluxBodies3.revoked(token, InfluxBodies3.REVOKED_AT));
    }
}
