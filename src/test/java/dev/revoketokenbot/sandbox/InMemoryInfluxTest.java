package dev.revoketokenbot.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import dev.revoketokenbot.support.InfluxContract;
import dev.revoketokenbot.support.SandboxProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sandbox's in-memory InfluxDB through real HTTP, as the bot reaches it: InfluxDB's rules
 * (contracts/influxdb/README.md), and every answer checked against InfluxDB's OpenAPI contract, the
 * same one the WireMock stand-in is held to.
 */
@QuarkusTest
@TestProfile(SandboxProfile.class)
class InMemoryInfluxTest {

    private static final String OPERATOR = "Token " + InfluxSeed.OPERATOR_TOKEN;
    private static final String CI_PROD = "07c2e91fa4d3b065";
    private static final String CI_STAGING = "0e4a8b71c95d2f13";
    private static final String DANA_ID = "0c39f7ce93b22175";
    private static final InfluxContract CONTRACT = new InfluxContract();

    private final List<String> violations = new ArrayList<>();

    @BeforeEach
    void startOver() {
        given().post("/sandbox/api/start-over").then().statusCode(204);
    }

    @AfterEach
    void everyAnswerFollowedInfluxDbsContract() {
        assertThat(violations).as("InfluxDB contract violations").isEmpty();
    }

    @Test
    void readsAnAuthorizationAsInfluxDbOssReturnsIt() {
        call("GET", "/" + CI_PROD)
                .statusCode(200)
                .contentType("application/json")
                .body("id", equalTo(CI_PROD))
                .body("status", equalTo("active"))
                .body("description", equalTo("CI pipeline: writes build metrics"))
                .body("user", equalTo("ci-writer"))
                .body("org", equalTo("acme-prod"))
                .body("orgID", equalTo("5876b32f6bbbaf02"))
                .body("token", equalTo("sandbox-fake-token-" + CI_PROD + "-not-a-secret=="))
                .body("permissions[0].action", equalTo("write"))
                .body("permissions[0].resource.name", equalTo("ci-metrics"))
                .body("links.self", equalTo("/api/v2/authorizations/" + CI_PROD))
                .body("createdAt", equalTo("2025-03-04T09:12:44Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"Token wrong", "token sandbox-influx-operator-token", "Bearer sandbox-influx-operator-token"})
    void anyOtherTokenIsUnauthorized(String authorization) {
        badCall("GET", "/" + CI_PROD, authorization, null)
                .statusCode(401)
                .body("code", equalTo("unauthorized"))
                .body("message", equalTo("unauthorized access"));
        badCall("DELETE", "/" + CI_PROD, authorization, null).statusCode(401);
        call("GET", "/" + CI_PROD).statusCode(200);
    }

    @Test
    void noTokenIsUnauthorized() {
        badCall("GET", "", null, null).statusCode(401).body("code", equalTo("unauthorized"));
    }

    @ParameterizedTest
    @CsvSource({
        "07c2e91fa4d3b06, id must have a length of 16 bytes",
        "07c2e91fa4d3b0651, id must have a length of 16 bytes",
        "07c2e91fa4d3b06g, invalid ID",
        "0000000000000000, invalid ID"
    })
    void malformedIdsAreRefusedAsInfluxDbRefusesThem(String id, String message) {
        for (String method : List.of("GET", "DELETE")) {
            call(method, "/" + id)
                    .statusCode(400)
                    .body("code", equalTo("invalid"))
                    .body("message", equalTo(message));
        }
        badCall("PATCH", "/" + id, OPERATOR, "{\"status\":\"inactive\"}")
                .statusCode(400)
                .body("message", equalTo(message));
    }

    @Test
    void idsAreReadAsHexInEitherCase() {
        call("GET", "/" + CI_PROD.toUpperCase(Locale.ROOT)).statusCode(200).body("id", equalTo(CI_PROD));
    }

    @Test
    void whatItDoesNotHaveIs404WithInfluxDbsBody() {
        String unknown = "0123456789abcdef";
        call("GET", "/" + unknown)
                .statusCode(404)
                .body("code", equalTo("not found"))
                .body("message", equalTo("authorization not found"));
        call("DELETE", "/" + unknown).statusCode(404).body("message", equalTo("authorization not found"));
        patch(unknown, "{\"status\":\"inactive\"}").statusCode(404).body("code", equalTo("not found"));
    }

    @Test
    void listsEveryAuthorizationOrOneUsers() {
        call("GET", "")
                .statusCode(200)
                .body("links.self", equalTo("/api/v2/authorizations"))
                .body("authorizations", hasSize(6))
                .body("authorizations.org", hasItem("acme-staging"));
        call("GET", "", Map.of("user", "ci-writer"))
                .statusCode(200)
                .body("authorizations.id", contains(CI_PROD, CI_STAGING));
        call("GET", "", Map.of("user", "", "userID", "")).statusCode(200).body("authorizations", hasSize(6));
        call("GET", "", Map.of("user", "nobody"))
                .statusCode(404)
                .body("code", equalTo("not found"))
                .body("message", equalTo("user not found"));
    }

    @Test
    void userIdWinsOverUserName() {
        call("GET", "", Map.of("userID", DANA_ID, "user", "ci-writer"))
                .statusCode(200)
                .body("authorizations", hasSize(2))
                .body("authorizations.user", everyItem(equalTo("dana")));
        call("GET", "", Map.of("userID", "0123456789abcdef")).statusCode(200).body("authorizations", hasSize(0));
        call("GET", "", Map.of("userID", "dana")).statusCode(400).body("code", equalTo("invalid"));
    }

    @Test
    void patchSetsTheStatusAndGetShowsIt() {
        Instant before = Instant.now();
        patch(CI_PROD, "{\"status\":\"inactive\"}")
                .statusCode(200)
                .body("id", equalTo(CI_PROD))
                .body("status", equalTo("inactive"))
                .body("description", equalTo("CI pipeline: writes build metrics"));
        String updatedAt = call("GET", "/" + CI_PROD)
                .statusCode(200)
                .body("status", equalTo("inactive"))
                .extract()
                .path("updatedAt");
        assertThat(Instant.parse(updatedAt)).isAfterOrEqualTo(before);

        patch(CI_PROD, "{\"status\":\"active\",\"description\":\"CI, rotated\"}")
                .statusCode(200)
                .body("status", equalTo("active"))
                .body("description", equalTo("CI, rotated"));
        call("GET", "/" + CI_PROD).body("status", equalTo("active")).body("description", equalTo("CI, rotated"));
        // A null status (off the contract, which lists only active and inactive) leaves it as it is.
        badCall("PATCH", "/" + CI_PROD, OPERATOR, "{\"status\":null,\"description\":\"CI\"}")
                .statusCode(200)
                .body("status", equalTo("active"))
                .body("description", equalTo("CI"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"status\":\"paused\"}|invalid status",
                "not json|invalid json structure",
                "[\"inactive\"]|invalid json structure",
                "''|invalid json structure"
            })
    void patchRefusesWhatIsNotAnUpdate(String body, String message) {
        badCall("PATCH", "/" + CI_PROD, OPERATOR, body)
                .statusCode(400)
                .body("code", equalTo("invalid"))
                .body("message", equalTo(message));
        call("GET", "/" + CI_PROD).body("status", equalTo("active"));
    }

    @Test
    void deleteAnswers204AndTheAuthorizationIsGone() {
        call("DELETE", "/" + CI_PROD).statusCode(204);

        call("GET", "/" + CI_PROD).statusCode(404);
        call("DELETE", "/" + CI_PROD).statusCode(404);
        call("GET", "", Map.of("user", "ci-writer")).body("authorizations.id", contains(CI_STAGING));
    }

    @Test
    void thePageSeesEachRequestAnsweredButNeverATokenValue() {
        call("GET", "", Map.of("token", "a-leaked-value")).statusCode(200).body("authorizations", hasSize(6));
        call("DELETE", "/" + CI_PROD).statusCode(204);

        given().get("/sandbox/api/live")
                .then()
                .statusCode(200)
                .body("calls[0].method", equalTo("DELETE"))
                .body("calls[0].target", equalTo("/api/v2/authorizations/" + CI_PROD))
                .body("calls[0].status", equalTo(204))
                .body("calls[1].target", equalTo("/api/v2/authorizations?token=…"))
                .body("tokens.id", not(hasItem(CI_PROD)))
                .body(not(containsString("a-leaked-value")))
                .body(not(containsString("sandbox-fake-token")));
    }

    @Test
    void keepsTheLatestRequestsForThePage() {
        for (int i = 0; i <= InMemoryInflux.CALLS_KEPT; i++) {
            call("GET", "/" + CI_PROD).statusCode(200);
        }
        given().get("/sandbox/api/live").then().body("calls", hasSize(InMemoryInflux.CALLS_KEPT));
    }

    private ValidatableResponse patch(String id, String body) {
        return exchange("PATCH", "/" + id, OPERATOR, body, Map.of(), true);
    }

    private ValidatableResponse call(String method, String path) {
        return call(method, path, Map.of());
    }

    private ValidatableResponse call(String method, String path, Map<String, String> query) {
        return exchange(method, path, OPERATOR, null, query, true);
    }

    /** A request made wrong on purpose: only the answer is held to the contract. */
    private ValidatableResponse badCall(String method, String path, String authorization, String body) {
        return exchange(method, path, authorization, body, Map.of(), false);
    }

    private ValidatableResponse exchange(
            String method,
            String path,
            String authorization,
            String body,
            Map<String, String> query,
            boolean wellFormed) {
        String apiPath = "/api/v2/authorizations" + path;
        RequestSpecification request = given();
        SimpleRequest.Builder asSent = new SimpleRequest.Builder(method, apiPath);
        Map<String, String> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
            request.body(body);
            asSent.withBody(body);
        }
        headers.forEach((name, value) -> {
            request.header(name, value);
            asSent.withHeader(name, value);
        });
        query.forEach((name, value) -> {
            request.queryParam(name, value);
            asSent.withQueryParam(name, value);
        });
        Response answer = request.request(method, InMemoryInfluxResource.BASE + apiPath);
        SimpleResponse.Builder asAnswered = SimpleResponse.Builder.status(answer.statusCode());
        if (!answer.asString().isEmpty()) {
            asAnswered.withContentType(answer.contentType()).withBody(answer.asString());
        }
        var found = wellFormed
                ? CONTRACT.violationsOf(asSent.build(), asAnswered.build())
                : CONTRACT.answerViolationsOf(asSent.build(), asAnswered.build());
        found.forEach(v -> violations.add(method + " " + apiPath + " -> " + answer.statusCode() + ": " + v));
        return answer.then();
    }
}
