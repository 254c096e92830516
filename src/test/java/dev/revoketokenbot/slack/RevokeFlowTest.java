package dev.revoketokenbot.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static dev.revoketokenbot.support.InfluxBodies.LEAKED_TOKEN;
import static dev.revoketokenbot.support.SlackRequests.click;
import static dev.revoketokenbot.support.SlackRequests.command;
import static dev.revoketokenbot.support.SlackRequests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.revoketokenbot.support.InfluxBodies;
import dev.revoketokenbot.support.SlackFlowTest;
import dev.revoketokenbot.support.SlackRequests;
import dev.revoketokenbot.support.Stubs;
import dev.revoketokenbot.support.WireMockStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The main flow through {@code /slack/events}: command, request message, approval, DELETE, audit. */
@QuarkusTest
@WithTestResource(WireMockStubs.class)
class RevokeFlowTest extends SlackFlowTest {

    @Test
    void revokesByIdAfterAnApproverClicks() {
        stubs.influxGet(ID, okJson(InfluxBodies.authorization(ID, "ci-writer", "telegraf on build hosts")));
        stubs.influxDelete(ID, aResponse().withStatus(204));

        send(command(REQUESTER, CHANNEL, ID + " --reason leaked in a CI log", stubs.responseUrl("cmd")))
                .statusCode(200)
                .body(containsString("Looking up authorization `" + ID + "`"));
        String request =
                eventually(() -> stubs.slackCalls("chat.postMessage"), 1).get(0);
        assertThat(request)
                .contains(
                        "channel=" + CHANNEL,
                        ID,
                        "telegraf on build hosts",
                        "ci-writer",
                        "my-org",
                        "active",
                        "read users (all)",
                        "<@" + REQUESTER + ">",
                        "leaked in a CI log",
                        "revoke_token.revoke",
                        "\"style\":\"danger\"",
                        "\"confirm\"",
                        "revoke_token.cancel");
        assertThat(stubs.deletes(ID)).as("nothing is deleted before approval").isEmpty();

        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("click")))
                .statusCode(200);

        String update = eventually(() -> stubs.slackCalls("chat.update"), 1).get(0);
        assertThat(update)
                .contains(
                        "channel=" + CHANNEL,
                        "ts=1700000000.000100",
                        "revoked",
                        "<@" + APPROVER + ">",
                        "<@" + REQUESTER + ">")
                .doesNotContain("revoke_token.revoke");
        String audit = eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1);
        assertThat(audit)
                .contains("channel=" + CHANNEL, "Audit", ID, "revoked by <@" + APPROVER + ">", "leaked in a CI log");
        assertThat(stubs.deletes(ID)).hasSize(1);
        assertThat(stubs.deletes(ID).get(0).getHeader("Authorization")).isEqualTo("Token test-influx-operator-token");
        assertThat(logs.audit())
                .anySatisfy(line -> assertThat(line)
                        .contains(
                                "\"event\":\"revoke\"",
                                "\"authorization_id\":\"" + ID + "\"",
                                "\"target\":\"default\"",
                                "\"owner\":\"ci-writer\"",
                                "\"requester\":\"" + REQUESTER + "\"",
                                "\"actor\":\"" + APPROVER + "\"",
                                "\"reason\":\"leaked in a CI log\"",
                                "\"outcome\":\"revoked\"",
                                "\"influx_status\":204",
                                "\"request_id\":\"",
                                "\"timestamp\":\""));
        assertThat(logs.audit())
                .anySatisfy(line -> assertThat(line).contains("\"event\":\"request\"", "\"outcome\":\"posted\""));
        assertNoTokenLeaked();
    }

    @Test
    void revokesTheFirstTokenOfAUserAndCountsTheOthers() {
        String first = "1111111111111111";
        stubs.influxListByUser(
                "ci-writer",
                okJson(InfluxBodies.list(
                        InfluxBodies.authorization(first, "ci-writer", "first"),
                        InfluxBodies.authorization("2222222222222222", "ci-writer", "second"),
                        InfluxBodies.authorization("3333333333333333", "ci-writer", "third"))));
        stubs.influxDelete(first, aResponse().withStatus(204));

        send(command(REQUESTER, CHANNEL, "--user ci-writer", stubs.responseUrl("cmd")))
                .statusCode(200);
        String request =
                eventually(() -> stubs.slackCalls("chat.postMessage"), 1).get(0);
        assertThat(request).contains(first, "has 2 other tokens").doesNotContain("2222222222222222");

        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("click")));
        eventually(() -> stubs.slackCalls("chat.update"), 1);
        assertThat(stubs.deletes(first)).hasSize(1);
        assertThat(stubs.deletes("2222222222222222")).isEmpty();
        assertNoTokenLeaked();
    }

    @Test
    void userNamesTravelAsOneEncodedQueryParameter() {
        String odd = "ops/../bot&user=admin#x";
        String id = "4444444444444444";
        stubs.influxListByUser(odd, okJson(InfluxBodies.list(InfluxBodies.authorization(id, odd, ""))));

        send(command(REQUESTER, CHANNEL, "user:" + odd, stubs.responseUrl("cmd")))
                .statusCode(200);

        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 1).get(0))
                .contains(id);
        assertThat(stubs.influxRequests()).singleElement().satisfies(r -> {
            assertThat(r.getUrl()).startsWith("/api/v2/authorizations?user=").doesNotContain("&user=", "#");
            assertThat(r.queryParameter("user").values()).containsExactly(odd);
        });
    }

    @Test
    void aGroupMemberMayApprove() {
        String request = requestMessage();
        stubs.influxDelete(ID, aResponse().withStatus(204));

        send(click(Stubs.GROUP_MEMBER, CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("click")));

        eventually(() -> stubs.slackCalls("chat.update"), 1);
        assertThat(stubs.deletes(ID)).hasSize(1);
        assertThat(stubs.slackCalls("usergroups.users.list"))
                .anySatisfy(body -> assertThat(body).contains("usergroup=SAPPROVERS"));
    }

    @Test
    void whenGroupMembershipCannotBeReadTheClickIsDenied() {
        String request = requestMessage();
        stubs.slackError("usergroups.users.list", "missing_scope");

        send(click(Stubs.GROUP_MEMBER, CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("click")));

        assertThat(eventually(() -> stubs.responses("click"), 1).get(0)).contains("could not check whether you are");
        assertThat(stubs.deletes(ID)).isEmpty();
        assertThat(logs.audit())
                .anySatisfy(
                        line -> assertThat(line).contains("\"outcome\":\"refused\",\"why\":\"approver_check_failed\""));
    }

    @Test
    void aGroupMemberCancellingWhileMembershipCannotBeReadIsToldSoNotThatTheyMayNot() {
        String request = requestMessage();
        stubs.slackError("usergroups.users.list", "missing_scope");

        send(click(Stubs.GROUP_MEMBER, CHANNEL, ActionIds.CANCEL, buttonValue(request), stubs.responseUrl("click")));

        assertThat(eventually(() -> stubs.responses("click"), 1).get(0))
                .contains("could not check whether you are an approver")
                .doesNotContain("Only the requester or an approver");
        assertThat(stubs.slackCalls("chat.update")).isEmpty();
        assertThat(ledger.stage(requestIdOf(request))).isEqualTo("OPEN");
    }

    @Test
    void aClickFromSomeoneWhoIsNotAnApproverChangesNothing() {
        String request = requestMessage();

        send(click("UBYSTANDER", CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("click")));

        assertThat(eventually(() -> stubs.responses("click"), 1).get(0))
                .contains("not an approver", "\"response_type\":\"ephemeral\"", "\"replace_original\":false");
        assertThat(stubs.deletes(ID)).isEmpty();
        assertThat(stubs.slackCalls("chat.update")).isEmpty();
        assertThat(logs.audit())
                .anySatisfy(line -> assertThat(line)
                        .contains("\"actor\":\"UBYSTANDER\"", "\"outcome\":\"refused\",\"why\":\"not_approver\""));
    }

    @Test
    void anApproverCannotApproveTheirOwnRequest() {
        String request = requestMessage(APPROVER);

        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("click")));

        assertThat(eventually(() -> stubs.responses("click"), 1).get(0)).contains("someone else must approve");
        assertThat(stubs.deletes(ID)).isEmpty();
        assertThat(logs.audit())
                .anySatisfy(line -> assertThat(line).contains("\"outcome\":\"refused\",\"why\":\"self_approval\""));
    }

    @Test
    void theRequesterCanCancel() {
        String request = requestMessage();

        send(click(REQUESTER, CHANNEL, ActionIds.CANCEL, buttonValue(request), stubs.responseUrl("click")));

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                .contains("cancelled", "<@" + REQUESTER + ">")
                .doesNotContain("revoke_token.revoke");
        assertThat(stubs.deletes(ID)).isEmpty();
        assertThat(logs.audit()).anySatisfy(line -> assertThat(line).contains("\"outcome\":\"cancelled\""));

        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("late")));
        assertThat(eventually(() -> stubs.responses("late"), 1).get(0)).contains("already cancelled");
        assertThat(stubs.deletes(ID)).isEmpty();
    }

    @Test
    void aBystanderCannotCancel() {
        String request = requestMessage();

        send(click("UBYSTANDER", CHANNEL, ActionIds.CANCEL, buttonValue(request), stubs.responseUrl("click")));

        assertThat(eventually(() -> stubs.responses("click"), 1).get(0)).contains("Only the requester or an approver");
        assertThat(stubs.slackCalls("chat.update")).isEmpty();
    }

    @Test
    void anEditedButtonValueIsRefusedAndAudited() {
        String value = buttonValue(requestMessage());
        String forged = value.substring(0, 10) + (value.charAt(10) == 'A' ? 'B' : 'A') + value.substring(11);

        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, forged, stubs.responseUrl("click")));

        assertThat(eventually(() -> stubs.responses("click"), 1).get(0)).contains("integrity check");
        assertThat(stubs.deletes(ID)).isEmpty();
        assertThat(logs.audit())
                .anySatisfy(line -> assertThat(line)
                        .contains("\"actor\":\"" + APPROVER + "\"", "\"outcome\":\"refused\",\"why\":\"tampered\""));
    }

    @Test
    void aButtonFromAnotherChannelIsRefused() {
        String request = requestMessage();

        send(click(APPROVER, "COTHER", ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("click")));

        assertThat(eventually(() -> stubs.responses("click"), 1).get(0)).contains("another channel");
        assertThat(stubs.deletes(ID)).isEmpty();
    }

    @Test
    void aButtonValueFromAnotherRequestIsRefusedWithoutAskingSlackWhoIsAnApprover() {
        String value = buttonValue(requestMessage());

        send(click(
                Stubs.GROUP_MEMBER,
                CHANNEL,
                ActionIds.REVOKE,
                value,
                stubs.responseUrl("click"),
                "revoke_token.buttons:0123456789abcdef01234567"));

        assertThat(eventually(() -> stubs.responses("click"), 1).get(0)).contains("does not belong to this request");
        assertThat(stubs.deletes(ID)).isEmpty();
        assertThat(stubs.slackCalls("usergroups.users.list")).isEmpty();
        assertThat(logs.audit())
                .anySatisfy(line -> assertThat(line).contains("\"outcome\":\"refused\",\"why\":\"wrong_request\""));
    }

    @Test
    void theRequestMessageBindsItsButtonsToTheRequest() {
        String request = requestMessage();

        assertThat(request)
                .contains("\"block_id\":\"revoke_token.buttons:" + SlackRequests.requestIdIn(buttonValue(request))
                        + "\"");
    }

    @Test
    void aDoubleClickDeletesOnce() {
        String request = requestMessage();
        stubs.influxDelete(ID, aResponse().withStatus(204));
        String value = buttonValue(request);

        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, value, stubs.responseUrl("first")));
        eventually(() -> stubs.slackCalls("chat.update"), 1);
        send(click("UAPPROVER2", CHANNEL, ActionIds.REVOKE, value, stubs.responseUrl("second")));

        assertThat(eventually(() -> stubs.responses("second"), 1).get(0)).contains("already revoked");
        assertThat(stubs.deletes(ID)).hasSize(1);
        assertThat(stubs.slackCalls("chat.update")).hasSize(1);
    }

    @Test
    void aDeleteThatFindsNothingClosesTheRequestAsAlreadyGoneAndRecordsThatItChangedNothing() {
        String request = requestMessage();
        stubs.influxDelete(
                ID,
                aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(InfluxBodies.notFound()));

        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("click")));

        assertThat(eventually(() -> stubs.responses("click"), 1).get(0)).contains("already revoked");
        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0))
                .contains("*already gone*", "deleted nothing")
                .doesNotContain("*revoked*", ActionIds.REVOKE);
        assertThat(eventually(() -> stubs.slackCalls("chat.postMessage"), 2).get(1))
                .as("a record that says nothing was revoked by this request")
                .contains("already gone", "changed nothing")
                .doesNotContain("revoked by");
        assertThat(ledger.stage(requestIdOf(request))).isEqualTo("GONE");
        assertThat(logs.audit())
                .anySatisfy(line -> assertThat(line).contains("\"outcome\":\"already_gone\"", "\"influx_status\":404"));
    }

    @Test
    void aDeleteTheBotMayNotDoIsExplainedAndTheRequestStaysOpen() {
        String request = requestMessage();
        stubs.influxDelete(
                ID,
                aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                InfluxBodies.error("forbidden", "insufficient permissions for write:authorizations")));

        send(click(APPROVER, CHANNEL, ActionIds.REVOKE, buttonValue(request), stubs.responseUrl("click")));

        assertThat(eventually(() -> stubs.responses("click"), 1).get(0))
                .contains("lacks permission to delete authorizations (403 Forbidden)", "Nothing was changed");
        assertThat(stubs.slackCalls("chat.update")).isEmpty();
        assertThat(ledger.stage(requestIdOf(request))).isEqualTo("OPEN");
        assertThat(logs.audit())
                .anySatisfy(line -> assertThat(line)
                        .contains("\"outcome\":\"failed\",\"why\":\"influx_forbidden\"", "\"influx_status\":403"));
    }

    private void assertNoTokenLeaked() {
        assertThat(stubs.everythingSentToSlack())
                .noneSatisfy(body -> assertThat(body).contains(LEAKED_TOKEN));
        assertThat(logs.lines()).noneSatisfy(line -> assertThat(line).contains(LEAKED_TOKEN));
        assertThat(logs.lines()).noneSatisfy(line -> assertThat(line).contains("test-influx-operator-token"));
        assertThat(logs.lines()).noneSatisfy(line -> assertThat(line).contains("xoxb-test-bot-token"));
    }

    @Test
    void aRequestWhoseTargetIsNoLongerConfiguredChangesNothingAndCanStillBeCancelled() {
        String request = requestMessage();
        String requestId = requestIdOf(request);
        ledger.retarget(requestId, "decommissioned");
        stubs.influxDelete(ID, aResponse().withStatus(204));

        clickAs(APPROVER, ActionIds.REVOKE, request, "revoke");

        assertThat(answerTo("revoke"))
                .contains("This request's InfluxDB target is no longer configured", "Nothing was changed");
        assertThat(stubs.deletes(ID)).isEmpty();
        assertThat(ledger.stage(requestId)).isEqualTo("OPEN");
        assertThat(auditLinesWith("\"outcome\":\"refused\"", "\"why\":\"target_unknown\""))
                .hasSize(1);

        clickAs(REQUESTER, ActionIds.CANCEL, request, "cancel");

        assertThat(eventually(() -> stubs.slackCalls("chat.update"), 1).get(0)).contains("*cancelled*");
    }
}
