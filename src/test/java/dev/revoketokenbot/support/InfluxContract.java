package dev.revoketokenbot.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Checks every request the bot sends to an InfluxDB stub, and every answer the stub gives, against
 * that InfluxDB's own OpenAPI contract, so the fake cannot drift from the real API. The contract
 * is chosen by the request's path ({@link Api}); a path no contract covers is a violation in
 * itself. The copies under src/test/resources/contracts/influxdb/ and their patches are listed in
 * its SOURCES.md. The sandbox's in-memory InfluxDB is checked against it too. Tests that serve an
 * off-contract answer on purpose (garbage, HTML) say so with {@link #allowViolations()}.
 */
public final class InfluxContract {

    /** The key of the message for a path that no InfluxDB contract covers. */
    public static final String UNKNOWN_PATH = "influxcontract.path.unknown";

    /** The InfluxDB APIs the bot speaks, each held to its product's official contract. */
    public enum Api {
        /**
         * InfluxDB 2.x OSS and Cloud (Serverless): {@code /api/v2/...}. Properties its schemas do not
         * name are let through: its Authorization schemas use allOf, which the validator would
         * otherwise check part by part, failing valid bodies for "properties which are not allowed".
         */
        V2("contracts/influxdb/cloud.yml", "/api/v2/", true),
        /** InfluxDB 3 Core and Enterprise (the same operations in both contracts): {@code /api/v3/...}. */
        V3("contracts/influxdb/influxdb3-core-openapi.yaml", "/api/v3/", false),
        /** InfluxDB 3 Cloud Dedicated, Management API: {@code /api/v0/accounts/...}. */
        DEDICATED("contracts/influxdb/influxdb3-cloud-dedicated-management-openapi.yml", "/api/v0/accounts/", false),
        /** InfluxDB 3 Clustered, Management API: {@code /api/v0/tokens[/...]}. */
        CLUSTERED("contracts/influxdb/influxdb3-clustered-management-openapi.yml", "/api/v0/tokens", false);

        private final String spec;
        private final String prefix;
        private final boolean unnamedPropertiesAllowed;

        Api(String spec, String prefix, boolean unnamedPropertiesAllowed) {
            this.spec = spec;
            this.prefix = prefix;
            this.unnamedPropertiesAllowed = unnamedPropertiesAllowed;
        }

        /** The contract's file on the test classpath. */
        public String spec() {
            return spec;
        }

        /** The API whose contract covers this path, if any. */
        public static Optional<Api> of(String path) {
            return Arrays.stream(values()).filter(api -> api.covers(path)).findFirst();
        }

        private boolean covers(String path) {
            if (prefix.endsWith("/")) {
                return path.startsWith(prefix);
            }
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
    }

    // Loading a contract takes up to seconds: each is loaded once per JVM, and before any request,
    // so that no stubbed answer waits for it (the bot's read timeout in tests is 2.5 s).
    private static final Map<Api, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private final List<String> violations = new CopyOnWriteArrayList<>();
    private volatile boolean violationsAllowed;

    public InfluxContract() {
        for (Api api : Api.values()) {
            validator(api);
        }
    }

    void check(com.github.tomakehurst.wiremock.http.Request served, Response answer) {
        List<ValidationReport.Message> found = violationsOf(request(served), response(answer));
        if (!found.isEmpty() && !violationsAllowed) {
            violations.add(served.getMethod() + " " + served.getUrl() + " -> " + answer.getStatus() + ": " + found);
        }
    }

    /** What the contract finds wrong with one exchange with any InfluxDB; empty when it conforms. */
    public List<ValidationReport.Message> violationsOf(
            Request request, com.atlassian.oai.validator.model.Response response) {
        return Api.of(request.getPath())
                .map(api -> errors(validator(api).validate(request, response)))
                .orElseGet(() -> List.of(unknownPath(request)));
    }

    /** What the contract finds wrong with an answer alone, for requests made wrong on purpose. */
    public List<ValidationReport.Message> answerViolationsOf(
            Request request, com.atlassian.oai.validator.model.Response response) {
        return Api.of(request.getPath())
                .map(api -> errors(validator(api).validateResponse(request.getPath(), request.getMethod(), response)))
                .orElseGet(() -> List.of(unknownPath(request)));
    }

    private static OpenApiInteractionValidator validator(Api api) {
        return VALIDATORS.computeIfAbsent(api, InfluxContract::load);
    }

    private static OpenApiInteractionValidator load(Api api) {
        if (api.unnamedPropertiesAllowed) {
            return OpenApiInteractionValidator.createFor(api.spec())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        }
        // A property a schema does not name fails (a misspelt "revoked_at" would otherwise pass
        // unseen); allOf is merged into one schema first, so that its parts are not checked alone.
        return OpenApiInteractionValidator.createFor(api.spec())
                .withResolveCombinators(true)
                .build();
    }

    private static ValidationReport.Message unknownPath(Request request) {
        return ValidationReport.Message.create(
                        UNKNOWN_PATH,
                        "No InfluxDB contract covers " + request.getMethod() + " " + request.getPath()
                                + " (known: /api/v2/, /api/v3/, /api/v0/accounts/, /api/v0/tokens)")
                .build();
    }

    private static List<ValidationReport.Message> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .toList();
    }

    /** For a test that serves a body InfluxDB never would, to see the bot cope with it. */
    public void allowViolations() {
        violationsAllowed = true;
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    public void reset() {
        violations.clear();
        violationsAllowed = false;
    }

    private static Request request(com.github.tomakehurst.wiremock.http.Request served) {
        URI uri = URI.create(served.getUrl());
        SimpleRequest.Builder builder =
                new SimpleRequest.Builder(served.getMethod().getName(), uri.getPath());
        for (HttpHeader header : served.getHeaders().all()) {
            builder.withHeader(header.key(), header.values());
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&", -1)) {
                String[] kv = pair.split("=", 2);
                builder.withQueryParam(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        if (served.getBody() != null && served.getBody().length > 0) {
            builder.withBody(served.getBodyAsString());
        }
        return builder.build();
    }

    private static com.atlassian.oai.validator.model.Response response(Response answer) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(answer.getStatus());
        for (HttpHeader header : answer.getHeaders().all()) {
            builder.withHeader(header.key(), header.values());
        }
        String body = answer.getBodyAsString();
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
