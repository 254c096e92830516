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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Checks every request the bot sends to the InfluxDB stub, and every answer the stub gives, against
 * InfluxDB's own OpenAPI contract (src/test/resources/contracts/influxdb/cloud.yml), so the fake
 * cannot drift from the real API. The sandbox's in-memory InfluxDB is checked against it too. Tests that serve an off-contract answer on purpose (garbage, HTML)
 * say so with {@link #allowViolations()}.
 */
public final class InfluxContract {

    private static final String SPEC = "contracts/influxdb/cloud.yml";

    private final OpenApiInteractionValidator validator = OpenApiInteractionValidator.createFor(SPEC)
            // The Authorization schemas use allOf: without this, valid bodies fail as "not allowed" properties.
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                    .build())
            .build();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private volatile boolean violationsAllowed;

    void check(com.github.tomakehurst.wiremock.http.Request served, Response answer) {
        ValidationReport report = validator.validate(request(served), response(answer));
        if (report.hasErrors() && !violationsAllowed) {
            violations.add(served.getMethod() + " " + served.getUrl() + " -> " + answer.getStatus() + ": "
                    + report.getMessages());
        }
    }

    /** What the contract finds wrong with one exchange with any InfluxDB; empty when it conforms. */
    public List<ValidationReport.Message> violationsOf(
            Request request, com.atlassian.oai.validator.model.Response response) {
        return errors(validator.validate(request, response));
    }

    /** What the contract finds wrong with an answer alone, for requests made wrong on purpose. */
    public List<ValidationReport.Message> answerViolationsOf(
            Request request, com.atlassian.oai.validator.model.Response response) {
        return errors(validator.validateResponse(request.getPath(), request.getMethod(), response));
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
