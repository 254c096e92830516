package dev.revoketokenbot.sandbox;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import dev.revoketokenbot.support.SandboxProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's Slack: the Web API methods the bot calls, through the Slack SDK's own client (so its
 * answers parse as Slack's do), its errors, and the response_url of each person.
 */
@QuarkusTest
@TestProfile(SandboxProfile.class)
class SlackStandInTest {

    private static final String CHANNEL = SandboxWorkspace.CHANNEL.id();

    @TestHTTPResource("/")
    URL root;

    private Slack slack;
    private MethodsClient bot;

    @BeforeEach
    void sdkPointedAtTheSandbox() {
        given().post("/sandbox/api/start-over").then().statusCode(204);
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(root + "sandbox/slack/api/");
        // As the bot's client: no per-team statistics, which would call auth.test (the bot never does).
        config.getMethodsConfig().setStatsEnabled(false);
        slack = Slack.getInstance(config);
        bot = slack.methods(SandboxWorkspace.BOT_TOKEN);
    }

    @AfterEach
    void close() throws Exception {
        slack.close();
    }

    @Test
    void postsAndUpdatesMessagesInTheChannel() throws Exception {
        ChatPostMessageResponse posted = bot.chatPostMessage(r ->
                r.channel(CHANNEL).text("fallback").blocks(asBlocks(section(s -> s.text(markdownText("*hello*"))))));
        assertThat(posted.isOk()).as(posted.getError()).isTrue();
        assertThat(posted.getChannel()).isEqualTo(CHANNEL);
        assertThat(posted.getTs()).matches("\\d+\\.\\d{6}");
        assertThat(posted.getMessage().getText()).isEqualTo("fallback");
        bot.chatPostMessage(r -> r.channel(CHANNEL).text("a record, text only"));

        ChatUpdateResponse updated =
                bot.chatUpdate(r -> r.channel(CHANNEL).ts(posted.getTs()).text("updated"));
        assertThat(updated.isOk()).as(updated.getError()).isTrue();
        assertThat(updated.getTs()).isEqualTo(posted.getTs());

        given().get("/sandbox/api/live")
                .then()
                .body("timeline", hasSize(2))
                .body("timeline[0].kind", equalTo("message"))
                .body("timeline[0].ts", equalTo(posted.getTs()))
                .body("timeline[0].text", equalTo("updated"))
                .body("timeline[0].edited", equalTo(true))
                .body("timeline[0].blocks", equalTo(null))
                .body("timeline[1].text", equalTo("a record, text only"))
                .body("timeline[1].edited", equalTo(false));
    }

    @Test
    void answersSlacksErrorsForWhatItDoesNotHave() throws Exception {
        assertThat(bot.chatPostMessage(r -> r.channel("C0ELSEWHERE").text("hi")).getError())
                .isEqualTo("channel_not_found");
        assertThat(bot.chatUpdate(r -> r.channel("C0ELSEWHERE").ts("1.000001").text("hi"))
                        .getError())
                .isEqualTo("channel_not_found");
        bot.chatPostMessage(r -> r.channel(CHANNEL).text("posted"));
        given().contentType("application/json")
                .body("{\"text\":\"an ephemeral reply before the update\"}")
                .post("/sandbox/slack/response/" + SandboxWorkspace.REQUESTER.id() + "/k")
                .then()
                .statusCode(200);
        assertThat(bot.chatUpdate(r -> r.channel(CHANNEL).ts("1.000001").text("hi"))
                        .getError())
                .isEqualTo("message_not_found");
        assertThat(slack.methods("xoxb-not-the-sandbox-token")
                        .chatPostMessage(r -> r.channel(CHANNEL).text("hi"))
                        .getError())
                .isEqualTo("invalid_auth");
    }

    @Test
    void refusesWhatSlackRefuses() {
        form("chat.postMessage", null, "channel=" + CHANNEL + "&text=hi")
                .body("ok", equalTo(false))
                .body("error", equalTo("not_authed"));
        form("chat.postMessage", SandboxWorkspace.BOT_TOKEN, "channel=" + CHANNEL + "&text=hi&blocks=not-json")
                .body("error", equalTo("invalid_blocks"));
        form("chat.postMessage", SandboxWorkspace.BOT_TOKEN, "channel=" + CHANNEL + "&text=hi&blocks=%7B%7D")
                .body("error", equalTo("invalid_blocks"));
        form("chat.update", SandboxWorkspace.BOT_TOKEN, "channel=" + CHANNEL + "&ts=1.1&text=hi&blocks=%7B%7D")
                .body("error", equalTo("invalid_blocks"));
        form("chat.delete", SandboxWorkspace.BOT_TOKEN, "channel=" + CHANNEL + "&ts=1.1")
                .body("error", equalTo("unknown_method"));
        given().get("/sandbox/api/live").then().body("timeline", hasSize(0));
    }

    @Test
    void readsTheApproverGroup() throws Exception {
        UsergroupsUsersListResponse members =
                bot.usergroupsUsersList(r -> r.usergroup(SandboxWorkspace.APPROVER_GROUP));
        assertThat(members.isOk()).isTrue();
        assertThat(members.getUsers()).containsExactly(SandboxWorkspace.GROUP_APPROVER.id());

        assertThat(bot.usergroupsUsersList(r -> r.usergroup("S0NOSUCH")).getError())
                .isEqualTo("no_such_subteam");
    }

    @Test
    void aResponseUrlReplyIsSeenOnlyByWhoActed() {
        given().contentType("application/json")
                .body("{\"response_type\":\"ephemeral\",\"replace_original\":false,\"text\":\"only you\"}")
                .post("/sandbox/slack/response/" + SandboxWorkspace.STRANGER.id() + "/any")
                .then()
                .statusCode(200);
        given().contentType("application/json")
                .body("{\"text\":\"nobody\"}")
                .post("/sandbox/slack/response/U0NOBODY/any")
                .then()
                .statusCode(404);

        given().get("/sandbox/api/live")
                .then()
                .body("timeline", hasSize(1))
                .body("timeline[0].kind", equalTo("ephemeral"))
                .body("timeline[0].to", equalTo(SandboxWorkspace.STRANGER.id()))
                .body("timeline[0].text", equalTo("only you"));
    }

    private static io.restassured.response.ValidatableResponse form(String method, String token, String body) {
        var request = given().contentType("application/x-www-form-urlencoded").body(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.post("/sandbox/slack/api/" + method).then().statusCode(200);
    }
}
