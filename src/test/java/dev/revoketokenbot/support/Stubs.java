package dev.revoketokenbot.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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
 * otherwise; InfluxDB answers only what a test stubs.
 */
public final class Stubs {

    public static final String BOT_USER = "UBOT";
    public static final String GROUP_MEMBER = "UGROUPMEMBER";

    private static final Pattern JSON_UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    private final WireMockServer slack;
    private final WireMockServer influx;
    private final InfluxContract contract;

    private final List<String> connectionOpens = new CopyOnWriteArrayList<>();
    private volatile String responsePrefix = "";

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

    public void influxGet(String authorizationId, ResponseDefinitionBuilder answer) {
        influx.stubFor(
                get(urlEqualTo("/api/v2/authorizations/" + authorizationId)).willReturn(answer));
    }

    public void influxListByUser(String userName, ResponseDefinitionBuilder answer) {
        influx.stubFor(get(urlPathEqualTo("/api/v2/authorizations"))
                .withQueryParam("user", com.github.tomakehurst.wiremock.client.WireMock.equalTo(userName))
                .willReturn(answer));
    }

    public void influxDelete(String authorizationId, ResponseDefinitionBuilder answer) {
        influx.stubFor(
                delete(urlEqualTo("/api/v2/authorizations/" + authorizationId)).willReturn(answer));
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
