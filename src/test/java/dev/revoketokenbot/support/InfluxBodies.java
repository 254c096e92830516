package dev.revoketokenbot.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * InfluxDB bodies for the stubs. The authorization and error bodies are InfluxDB's own, copied
 * from ../shared/contracts/influxdb/examples (see src/test/resources/influxdb/SOURCES.md); a test
 * gives each authorization an ID, a user and a token value it can look for.
 */
public final class InfluxBodies {

    /** A token value the stubs return, which must never reach Slack or a log line. */
    public static final String LEAKED_TOKEN = "LEAKED-zQ8vTokenValue-DoNotShow-x9Yk_7hR2aP0==";

    private InfluxBodies() {}

    /** An authorization as OSS 2.x returns it: with its token value in plain text. */
    public static String authorization(String id, String user, String description) {
        return resource("influxdb/authorization.json")
                .replace("053a1903d5f19000", id)
                .replace("\"my-user\"", json(user))
                .replace("\"description\": \"\"", "\"description\": " + json(description))
                .replace(
                        "SqZhaTZzM0mjIkpZsomD-3Go3n9_semXYZVbPMoinMlP85pKh0WCcMl2GNfNH0WhS1QdLUtH3epQf8RF4e3hEA==",
                        LEAKED_TOKEN);
    }

    /** The same authorization, deactivated. */
    public static String inactive(String authorization) {
        return authorization.replace("\"status\": \"active\"", "\"status\": \"inactive\"");
    }

    public static String list(String... authorizations) {
        return "{\"links\":{\"self\":\"/api/v2/authorizations\"},\"authorizations\":["
                + String.join(",", authorizations) + "]}";
    }

    public static String notFound() {
        return resource("influxdb/error_404_authorization_not_found.json");
    }

    /** InfluxDB's answer for an authorization it does not have: 404 with its JSON error. */
    public static ResponseDefinitionBuilder notFoundResponse() {
        return aResponse()
                .withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody(notFound());
    }

    /** InfluxDB's answer while it is unavailable: 503 with its JSON error. */
    public static ResponseDefinitionBuilder unavailableResponse() {
        return aResponse()
                .withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody(error("unavailable", "service unavailable"));
    }

    public static String unauthorized() {
        return resource("influxdb/error_401_unauthorized.json");
    }

    public static String error(String code, String message) {
        return "{\"code\":" + json(code) + ",\"message\":" + json(message) + "}";
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String resource(String path) {
        try (InputStream in = InfluxBodies.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
