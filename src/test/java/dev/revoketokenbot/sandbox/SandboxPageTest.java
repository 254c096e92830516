package dev.revoketokenbot.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.revoketokenbot.support.SandboxProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox page's files and the API it reads, over HTTP (the page itself: SandboxBrowserTest). */
@QuarkusTest
@TestProfile(SandboxProfile.class)
class SandboxPageTest {

    @BeforeEach
    void startOver() {
        given().post("/sandbox/api/start-over").then().statusCode(204);
    }

    @Test
    void servesThePageWithTheControlsBrowserTestsDrive() {
        given().get("/sandbox")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("data-testid=\"user-picker\""))
                .body(containsString("data-testid=\"command-input\""))
                .body(containsString("data-testid=\"send\""))
                .body(containsString("data-testid=\"confirm-yes\""))
                .body(containsString("data-testid=\"confirm-no\""))
                .body(containsString("/sandbox/page/sandbox.js"));
        given().get("/sandbox/page/sandbox.js")
                .then()
                .statusCode(200)
                .contentType(containsString("text/javascript"))
                .body(containsString("X-Slack-Signature"));
        given().get("/sandbox/page/sandbox.css").then().statusCode(200).contentType(containsString("text/css"));
    }

    @Test
    void servesNoOtherFile() {
        given().get("/sandbox/page/index.html").then().statusCode(404);
        given().get("/sandbox/page/..%2Fapplication.properties").then().statusCode(404);
    }

    @Test
    void tellsThePageTheWorkspaceItPlays() {
        given().get("/sandbox/api/setup")
                .then()
                .statusCode(200)
                .body("command", equalTo("/revoke-token"))
                .body("signingSecret", equalTo(SandboxWorkspace.SIGNING_SECRET))
                .body("channel.id", equalTo(SandboxWorkspace.CHANNEL.id()))
                .body("people", hasSize(4))
                .body("people.role", hasItem("requester"))
                .body("people.role", hasItem("approver"))
                .body("people.find { it.id == 'U0BLAKE' }.role", containsString("approver"))
                .body("people.find { it.id == 'U0SAM' }.role", containsString("stranger"));
    }

    @Test
    void startingOverBringsBackEveryTokenAndEmptiesTheChannel() {
        given().header("Authorization", "Token " + InfluxSeed.OPERATOR_TOKEN)
                .delete("/sandbox/influxdb/api/v2/authorizations/05e8b2d7a1c96f34")
                .then()
                .statusCode(204);
        given().contentType("application/json")
                .body("{\"text\":\"hello\"}")
                .post("/sandbox/slack/response/U0SAM/one")
                .then()
                .statusCode(200);
        given().get("/sandbox/api/live")
                .then()
                .body("tokens.id", not(hasItem("05e8b2d7a1c96f34")))
                .body("timeline", hasSize(1));

        given().post("/sandbox/api/start-over").then().statusCode(204);

        given().get("/sandbox/api/live")
                .then()
                .body("tokens", hasSize(6))
                .body("tokens.find { it.id == '0c37a5e9d8f41b26' }.status", equalTo("inactive"))
                .body("timeline", hasSize(0))
                .body("calls", hasSize(0))
                .body(not(containsString("sandbox-fake-token")));
    }
}
