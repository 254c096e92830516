package dev.revoketokenbot.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two WireMock servers as the tests use them: Slack's Web API and response_url on one,
 * InfluxDB on the other. Every Slack method the bot calls answers {@code ok} unless a test says
 * otherwise; InfluxDB answers only what a test stubs. With a Socket Mode stand-in ({@link
 * SocketModeStubs}), {@code apps.connections.open} is answered by it; without, it is not stubbed.
 */
public final class Stubs {

    public static final String BOT_USER = "UBOT";
    public static final String GROUP_MEMBER = "UGROUPMEMBER";
    /** The state of a token's scenario once InfluxDB no longer has it. */
    public static final String TOKEN_DELETED = "deleted";
    /** The scenario state of a token InfluxDB holds as inactive (deactivated). */
    public static final String TOKEN_INACTIVE = "inactive";

    private static final Pattern JSON_UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    private final WireMockServer slack;
    private final WireMockServer influx;
    private final InfluxContract contract;

    private final List<String> connectionOpens = new CopyOnWriteArrayList<>();
    private volatile String responsePrefix = "";
    private volatile SocketModeServer socketMode;

    Stubs(WireMockServer slack, WireMockServer influx, InfluxContract contract) {
        this.slack = slack;
        this.influx = influx;
        this.contract = contract;
        // Socket Mode connects at start-up, before any test resets the journal: keep those apart.
        slack.addMockServiceRequestListener((request, response) -> {
            if (request.getUrl().equals("/api/apps.connections.open")) {
                connectionOpens.add(request.getHeader("Authorization"));
            }
        });
    }

    /** Starts WireMock as Slack and as InfluxDB on free loopback ports, InfluxDB checked against its contract. */
    public static Stubs startOnLoopback() {
        WireMockServer slack =
                new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        WireMockServer influx =
                new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        slack.start();
        influx.start();
        InfluxContract contract = new InfluxContract();
        influx.addMockServiceRequestListener(contract::check);
        Stubs stubs = new Stubs(slack, influx, contract);
        stubs.reset();
        return stubs;
    }

    public void stop() {
        slack.stop();
        influx.stop();
        if (socketMode != null) {
            socketMode.stop();
        }
    }

    /** From now on, Slack's {@code apps.connections.open} is answered by this Socket Mode stand-in. */
    public void playSocketMode(SocketModeServer server) {
        socketMode = server;
        passConnectionOpensOn();
    }

    /** The Socket Mode stand-in (with {@link SocketModeStubs} only). */
    public SocketModeServer socketMode() {
        if (socketMode == null) {
            throw new IllegalStateException("no Socket Mode stand-in: use SocketModeStubs as the test resource");
        }
        return socketMode;
    }

    /** The Authorization header of every {@code apps.connections.open} call since the stubs started. */
    public List<String> connectionOpens() {
        return List.copyOf(connectionOpens);
    }

    public WireMockServer slack() {
        return slack;
    }

    public WireMockServer influx() {
        return influx;
    }

    public InfluxContract contract() {
        return contract;
    }

    /** Forgets every request and stub, then stubs Slack's methods to succeed. */
    public void reset() {
        // Each test gets response_urls of its own, so a late answer from an earlier test can't pass for one of its own.
        responsePrefix = java.util.UUID.randomUUID() + "-";
        slack.resetAll();
        influx.resetAll();
        contract.reset();
        slack.stubFor(post(urlEqualTo("/api/auth.test"))
                .willReturn(okJson(
                        "{\"ok\":true,\"url\":\"https://test.slack.com/\",\"team\":\"Test\",\"user\":\"revoke-token-bot\","
                                + "\"team_id\":\"T0TEST\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"B0TEST\"}")));
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"CINCIDENT\",\"ts\":\"1700000000.000100\"}")));
        slack.stubFor(post(urlEqualTo("/api/chat.update"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"CINCIDENT\",\"ts\":\"1700000000.000100\"}")));
        slack.stubFor(post(urlEqualTo("/api/usergroups.users.list"))
                .willReturn(okJson("{\"ok\":true,\"users\":[\"" + GROUP_MEMBER + "\"]}")));
        slack.stubFor(post(urlPathMatching("/response/.*"))
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        if (socketMode != null) {
            passConnectionOpensOn();
        }
    }

    private void passConnectionOpensOn() {
        slack.stubFor(post(urlEqualTo("/api/apps.connections.open"))
                .willReturn(aResponse().proxiedFrom(socketMode.baseUrl())));
    }

    /** A response_url on the Slack stub; what the bot posts there is what the person saw. */
    public String responseUrl(String name) {
        return slack.baseUrl() + "/response/" + responsePrefix + name;
    }

    /** Slack Web API calls of one method, bodies URL-decoded. */
    public List<String> slackCalls(String method) {
        return bodies(slack.findAll(postRequestedFor(urlEqualTo("/api/" + method))));
    }

    /** What the bot posted to a response_url (ephemeral answers). */
    public List<String> responses(String name) {
        return bodies(slack.findAll(postRequestedFor(urlEqualTo("/response/" + responsePrefix + name))));
    }

    /** Every body the bot sent to Slack, for leak checks. */
    public List<String> everythingSentToSlack() {
        return bodies(slack.findAll(anyRequestedFor(anyUrl())));
    }

    public List<LoggedRequest> influxRequests() {
        return influx.findAll(anyRequestedFor(anyUrl()));
    }

    public List<LoggedRequest> deletes(String authorizationId) {
        return influx.findAll(deleteRequestedFor(urlEqualTo("/api/v2/authorizations/" + authorizationId)));
    }

    /**
     * InfluxDB's state of one token: it answers GET with {@code answer} until a DELETE of it succeeds
     * (see {@link #influxDelete}), and 404 after, as InfluxDB does.
     */
    public void influxGet(String authorizationId, ResponseDefinitionBuilder answer) {
        influx.stubFor(get(urlEqualTo("/api/v2/authorizations/" + authorizationId))
                .inScenario(tokenScenario(authorizationId))
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(answer));
        influx.stubFor(get(urlEqualTo("/api/v2/authorizations/" + authorizationId))
                .inScenario(tokenScenario(authorizationId))
                .whenScenarioStateIs(TOKEN_DELETED)
                .willReturn(InfluxBodies.notFoundResponse()));
    }

    /** The WireMock scenario that holds whether InfluxDB still has the token. */
    public static String tokenScenario(String authorizationId) {
        return "token " + authorizationId;
    }

    /** Makes the stand-in InfluxDB forget the token, as if it had been deleted (by the bot or anyone). */
    public void influxTokenDeleted(String authorizationId) {
        influx.setScenarioState(tokenScenario(authorizationId), TOKEN_DELETED);
    }

    public void influxListByUser(String userName, ResponseDefinitionBuilder answer) {
        influx.stubFor(get(urlPathEqualTo("/api/v2/authorizations"))
                .withQueryParam("user", equalTo(userName))
                .willReturn(answer));
    }

    /**
     * Answers DELETE of the token with {@code answer}; a 2xx answer also deletes the token, so that
     * reading it again finds nothing. A token deleted before answers every DELETE with 404.
     */
    public void influxDelete(String authorizationId, ResponseDefinitionBuilder answer) {
        int status = answer.build().getStatus();
        for (String state : List.of(Scenario.STARTED, TOKEN_INACTIVE)) {
            var delete = delete(urlEqualTo("/api/v2/authorizations/" + authorizationId))
                    .inScenario(tokenScenario(authorizationId))
                    .whenScenarioStateIs(state)
                    .willReturn(answer);
            influx.stubFor(status >= 200 && status < 300 ? delete.willSetStateTo(TOKEN_DELETED) : delete);
        }
        influx.stubFor(delete(urlEqualTo("/api/v2/authorizations/" + authorizationId))
                .inScenario(tokenScenario(authorizationId))
                .whenScenarioStateIs(TOKEN_DELETED)
                .willReturn(InfluxBodies.notFoundResponse()));
        influx.stubFor(get(urlEqualTo("/api/v2/authorizations/" + authorizationId))
                .inScenario(tokenScenario(authorizationId))
                .whenScenarioStateIs(TOKEN_DELETED)
                .willReturn(InfluxBodies.notFoundResponse()));
    }

    /**
     * InfluxDB's status of the token follows PATCH, as InfluxDB's does: {@code {"status":"inactive"}}
     * deactivates it and {@code {"status":"active"}} restores it, each answered with the token as it
     * now is, and GET shows the status. A deleted token answers PATCH with 404.
     */
    public void influxStatusFollowsPatches(String authorizationId, String user, String description) {
        String path = "/api/v2/authorizations/" + authorizationId;
        String active = InfluxBodies.authorization(authorizationId, user, description);
        String inactive = InfluxBodies.inactive(active);
        for (String state : List.of(Scenario.STARTED, TOKEN_INACTIVE)) {
            influx.stubFor(patch(urlEqualTo(path))
                    .inScenario(tokenScenario(authorizationId))
                    .whenScenarioStateIs(state)
                    .withRequestBody(matchingJsonPath("$.status", equalTo("inactive")))
                    .willReturn(okJson(inactive))
                    .willSetStateTo(TOKEN_INACTIVE));
            influx.stubFor(patch(urlEqualTo(path))
                    .inScenario(tokenScenario(authorizationId))
                    .whenScenarioStateIs(state)
                    .withRequestBody(matchingJsonPath("$.status", equalTo("active")))
                    .willReturn(okJson(active))
                    .willSetStateTo(Scenario.STARTED));
        }
        influx.stubFor(get(urlEqualTo(path))
                .inScenario(tokenScenario(authorizationId))
                .whenScenarioStateIs(TOKEN_INACTIVE)
                .willReturn(okJson(inactive)));
        influx.stubFor(patch(urlEqualTo(path))
                .inScenario(tokenScenario(authorizationId))
                .whenScenarioStateIs(TOKEN_DELETED)
                .willReturn(InfluxBodies.notFoundResponse()));
    }

    public List<LoggedRequest> patches(String authorizationId) {
        return influx.findAll(patchRequestedFor(urlEqualTo("/api/v2/authorizations/" + authorizationId)));
    }

    // ---- InfluxDB 3 (target "edge" of TargetsStubs) ----

    /**
     * InfluxDB 3's {@code system.tokens} row of the token named {@code name}: a query for that name
     * (bound as a parameter) answers {@code answer} until a DELETE of it succeeds, and no rows after.
     */
    public void influx3Token(String name, ResponseDefinitionBuilder answer) {
        for (String state : List.of(Scenario.STARTED, TOKEN_DELETED)) {
            influx.stubFor(post(urlEqualTo("/api/v3/query_sql"))
                    .withRequestBody(matchingJsonPath("$.params.name", equalTo(name)))
                    .inScenario(tokenScenario(name))
                    .whenScenarioStateIs(state)
                    .willReturn(
                            state.equals(TOKEN_DELETED)
                                    ? InfluxBodies3.v3QueryResponse(InfluxBodies3.v3NoRows())
                                    : answer));
        }
    }

    /**
     * Answers DELETE of the token named {@code name} with {@code answer}; a 2xx answer also deletes
     * it, so reading it again finds no row. A token deleted before answers 404, as InfluxDB 3 does.
     */
    public void influx3Delete(String name, ResponseDefinitionBuilder answer) {
        int status = answer.build().getStatus();
        var delete = delete(urlPathEqualTo("/api/v3/configure/token"))
                .withQueryParam("token_name", equalTo(name))
                .inScenario(tokenScenario(name))
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(answer);
        influx.stubFor(status >= 200 && status < 300 ? delete.willSetStateTo(TOKEN_DELETED) : delete);
        influx.stubFor(delete(urlPathEqualTo("/api/v3/configure/token"))
                .withQueryParam("token_name", equalTo(name))
                .inScenario(tokenScenario(name))
                .whenScenarioStateIs(TOKEN_DELETED)
                .willReturn(InfluxBodies3.v3NotFoundResponse(name)));
    }

    /** The DELETEs InfluxDB 3 received for the token named {@code name}. */
    public List<LoggedRequest> influx3Deletes(String name) {
        return influx.findAll(deleteRequestedFor(urlPathEqualTo("/api/v3/configure/token"))
                .withQueryParam("token_name", equalTo(name)));
    }

    /** Every {@code query_sql} InfluxDB 3 received. */
    public List<LoggedRequest> influx3Queries() {
        return influx.findAll(postRequestedFor(urlEqualTo("/api/v3/query_sql")));
    }

    // ---- Management API (targets "cloud", Dedicated, and "onprem", Clustered, of TargetsStubs) ----

    /** The path of a Cloud Dedicated database token of {@link InfluxBodies3#ACCOUNT_ID}'s cluster. */
    public static String dedicatedTokenPath(String tokenId) {
        return "/api/v0/accounts/" + InfluxBodies3.ACCOUNT_ID + "/clusters/" + InfluxBodies3.CLUSTER_ID + "/tokens/"
                + tokenId;
    }

    /** The path of a Clustered database token. */
    public static String clusteredTokenPath(String tokenId) {
        return "/api/v0/tokens/" + tokenId;
    }

    /**
     * A database token at {@code path}: GET answers {@code answer} until a DELETE succeeds, then
     * {@code afterRevoke} (the token with {@code revokedAt}: the Management API keeps revoked tokens).
     */
    public void managementToken(String path, ResponseDefinitionBuilder answer, ResponseDefinitionBuilder afterRevoke) {
        influx.stubFor(get(urlEqualTo(path))
                .inScenario(tokenScenario(path))
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(answer));
        influx.stubFor(get(urlEqualTo(path))
                .inScenario(tokenScenario(path))
                .whenScenarioStateIs(TOKEN_DELETED)
                .willReturn(afterRevoke));
    }

    /** Answers DELETE of the token at {@code path} with {@code answer}; a 2xx answer revokes it. */
    public void managementDelete(String path, ResponseDefinitionBuilder answer) {
        int status = answer.build().getStatus();
        var delete = delete(urlEqualTo(path))
                .inScenario(tokenScenario(path))
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(answer);
        influx.stubFor(status >= 200 && status < 300 ? delete.willSetStateTo(TOKEN_DELETED) : delete);
    }

    /** The DELETEs the Management API received at {@code path}. */
    public List<LoggedRequest> managementDeletes(String path) {
        return influx.findAll(deleteRequestedFor(urlEqualTo(path)));
    }

    /** Makes a Slack Web API method answer {@code ok:false} with this error. */
    public void slackError(String method, String error) {
        slack.stubFor(
                post(urlEqualTo("/api/" + method)).willReturn(okJson("{\"ok\":false,\"error\":\"" + error + "\"}")));
    }

    /** Bodies URL-decoded, with JSON's unicode escapes (Gson writes {@code <} as a backslash-u escape) undone. */
    private static List<String> bodies(List<LoggedRequest> requests) {
        return requests.stream()
                .map(r -> URLDecoder.decode(r.getBodyAsString(), StandardCharsets.UTF_8))
                .map(body -> JSON_UNICODE_ESCAPE
                        .matcher(body)
                        .replaceAll(
                                m -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16)))))
                .toList();
    }
}
