package dev.revoketokenbot.support;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.revoketokenbot.support.InfluxBodies3.ACCOUNT_ID;
import static dev.revoketokenbot.support.InfluxBodies3.CLUSTER_ID;
import static dev.revoketokenbot.support.InfluxBodies3.CREATED_AT;
import static dev.revoketokenbot.support.InfluxBodies3.REVOKED_AT;
import static dev.revoketokenbot.support.InfluxBodies3.TOKEN_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.revoketokenbot.support.InfluxContract.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The requests the bot sends to each InfluxDB kind, and the answers its stubs give (InfluxBodies3),
 * held to that kind's official contract through one {@link InfluxContract}; off-contract requests
 * and answers fail. No Quarkus: the contracts alone, and one WireMock server for the listener path.
 */
class InfluxContractsTest {

    private static final InfluxContract CONTRACT = new InfluxContract();
    private static final String BEARER = "Bearer apiv3_ZmFrZS10b2tlbi1mb3ItdGVzdHMtb25seQ";
    private static final String MANAGEMENT_BEARER = "Bearer fake-management-token-for-tests";
    private static final String NAME = "ci-writer";
    private static final String DEDICATED_TOKEN =
            "/api/v0/accounts/" + ACCOUNT_ID + "/clusters/" + CLUSTER_ID + "/tokens/" + TOKEN_ID;
    private static final String CLUSTERED_TOKEN = "/api/v0/tokens/" + TOKEN_ID;

    // ---- routing ----

    @ParameterizedTest
    @CsvSource({
        "/api/v2/authorizations, V2",
        "/api/v2/authorizations/07c2e91fa4d3b065, V2",
        "/api/v3/query_sql, V3",
        "/api/v3/configure/token, V3",
        "/api/v0/accounts/a/clusters/c/tokens/t, DEDICATED",
        "/api/v0/tokens, CLUSTERED",
        "/api/v0/tokens/t, CLUSTERED",
    })
    void eachPathIsHeldToItsKindsContract(String path, Api api) {
        assertThat(Api.of(path)).contains(api);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/query", "/query", "/api/v0/databases", "/api/v0/tokensets", "/api/v22/x", "/"})
    void aPathNoContractCoversIsAViolation(String path) {
        Request request = new SimpleRequest.Builder("GET", path).build();
        var answer = SimpleResponse.Builder.status(200).build();

        assertThat(Api.of(path)).isEmpty();
        assertThat(keys(CONTRACT.violationsOf(request, answer))).containsExactly(InfluxContract.UNKNOWN_PATH);
        assertThat(keys(CONTRACT.answerViolationsOf(request, answer))).containsExactly(InfluxContract.UNKNOWN_PATH);
        assertThat(CONTRACT.violationsOf(request, answer).get(0).getLevel()).isEqualTo(ValidationReport.Level.ERROR);
    }

    // ---- InfluxDB 2.x (cloud.yml), unchanged ----

    @Test
    void v2KeepsItsContract() {
        Request get = new SimpleRequest.Builder("GET", "/api/v2/authorizations/07c2e91fa4d3b065")
                .withHeader("Authorization", "Token operator")
                .build();

        assertThat(CONTRACT.violationsOf(
                        get, json(200, InfluxBodies.authorization("07c2e91fa4d3b065", "ci-writer", "CI"))))
                .isEmpty();
        assertThat(keys(CONTRACT.violationsOf(get, json(200, "{\"id\":5}"))))
                .contains("validation.response.body.schema.allOf");
    }

    // ---- InfluxDB 3 Core / Enterprise ----

    @Nested
    class V3 {

        private final Request tokenQuery = v3Query(InfluxBodies3.v3TokenQuery(NAME));
        private final Request deleteByName = v3Delete(NAME);

        @Test
        void theTokenQueryAnsweredWithItsRowPasses() {
            assertThat(CONTRACT.violationsOf(
                            tokenQuery, answer(InfluxBodies3.v3QueryResponse(InfluxBodies3.v3TokenRows(NAME)))))
                    .isEmpty();
        }

        @Test
        void theTokenQueryAnsweredWithNoRowPasses() {
            assertThat(CONTRACT.violationsOf(
                            tokenQuery, answer(InfluxBodies3.v3QueryResponse(InfluxBodies3.v3NoRows()))))
                    .isEmpty();
        }

        @Test
        void aCoreRowWithNullColumnsLeftOutPasses() {
            String row = InfluxBodies3.v3TokenRow(7, NAME, null, InfluxBodies3.V3_CORE_PERMISSIONS, null);

            assertThat(row)
                    .isEqualTo("{\"token_id\":7,\"name\":\"ci-writer\",\"permissions\":\"*:*:*\","
                            + "\"created_at\":\"2026-11-30T10:14:03.512\"}");
            assertThat(CONTRACT.violationsOf(
                            tokenQuery, answer(InfluxBodies3.v3QueryResponse(InfluxBodies3.v3Rows(row)))))
                    .isEmpty();
        }

        @Test
        void theHelpersWriteTheBotsExactRequestAndRealisticRows() {
            assertThat(InfluxBodies3.v3TokenQuery(NAME))
                    .isEqualTo("{\"db\":\"_internal\",\"q\":\"SELECT token_id, name, description, permissions,"
                            + " created_at, expiry FROM system.tokens WHERE name = $name\",\"format\":\"json\","
                            + "\"params\":{\"name\":\"ci-writer\"}}");
            assertThat(InfluxBodies3.v3TokenRows(NAME))
                    .isEqualTo("[{\"token_id\":3,\"name\":\"ci-writer\",\"description\":\"CI pipeline: writes build"
                            + " metrics\",\"permissions\":\"db:*:read,write\",\"created_at\":\"2026-11-30T10:14:03.512\","
                            + "\"expiry\":\"2027-02-28T10:14:03.512\"}]");
            assertThat(InfluxBodies3.v3NotFound(NAME)).isEqualTo("the requested resource was not found: ci-writer");
        }

        @Test
        void anUnauthorizedQueryAnswersWithAnEmptyBody() {
            assertThat(CONTRACT.violationsOf(tokenQuery, answer(InfluxBodies3.v3UnauthorizedResponse())))
                    .isEmpty();
        }

        @Test
        void theDeleteAndEachOfItsAnswersPass() {
            assertThat(CONTRACT.violationsOf(deleteByName, answer(InfluxBodies3.v3DeletedResponse())))
                    .isEmpty();
            assertThat(CONTRACT.violationsOf(deleteByName, answer(InfluxBodies3.v3NotFoundResponse(NAME))))
                    .isEmpty();
            assertThat(CONTRACT.violationsOf(deleteByName, answer(InfluxBodies3.v3UnauthorizedResponse())))
                    .isEmpty();
            assertThat(CONTRACT.violationsOf(
                            v3Delete(InfluxBodies3.V3_OPERATOR_TOKEN), answer(InfluxBodies3.v3OperatorTokenResponse())))
                    .isEmpty();
        }

        @Test
        void aTextAnswerMayCarryTextPlain() {
            var notFound = SimpleResponse.Builder.status(404)
                    .withContentType("text/plain; charset=utf-8")
                    .withBody(InfluxBodies3.v3NotFound(NAME))
                    .build();

            assertThat(CONTRACT.violationsOf(deleteByName, notFound)).isEmpty();
        }

        @Test
        void aQueryByGetWithoutQFails() {
            Request get = new SimpleRequest.Builder("GET", "/api/v3/query_sql")
                    .withHeader("Authorization", BEARER)
                    .withQueryParam("db", "_internal")
                    .build();

            assertThat(keys(CONTRACT.violationsOf(get, json(200, "[]"))))
                    .contains("validation.request.parameter.query.missing");
        }

        @Test
        void aQueryBodyWithoutQFails() {
            assertThat(keys(CONTRACT.violationsOf(
                            v3Query("{\"db\":\"_internal\",\"format\":\"json\"}"), json(200, "[]"))))
                    .containsExactly("validation.request.body.schema.required");
        }

        @Test
        void aQueryInAnUnknownFormatFails() {
            String xml = InfluxBodies3.v3TokenQuery(NAME).replace("\"json\"", "\"xml\"");

            assertThat(keys(CONTRACT.violationsOf(v3Query(xml), json(200, "[]"))))
                    .containsExactly("validation.request.body.schema.enum");
        }

        @Test
        void aQueryBodyWithAFieldTheContractDoesNotNameFails() {
            String misspelt = InfluxBodies3.v3TokenQuery(NAME).replace("\"params\"", "\"parameters\"");

            assertThat(keys(CONTRACT.violationsOf(v3Query(misspelt), json(200, "[]"))))
                    .containsExactly("validation.request.body.schema.additionalProperties");
        }

        @Test
        void aQueryWithoutItsBodyFails() {
            Request empty = new SimpleRequest.Builder("POST", "/api/v3/query_sql")
                    .withHeader("Authorization", BEARER)
                    .withContentType("application/json")
                    .build();

            assertThat(keys(CONTRACT.violationsOf(empty, json(200, "[]"))))
                    .containsExactly("validation.request.body.missing");
        }

        @Test
        void aQueryAnsweredInV1sResultsShapeFails() {
            assertThat(keys(CONTRACT.violationsOf(tokenQuery, json(200, "{\"results\":[]}"))))
                    .containsExactly("validation.response.body.schema.type");
        }

        @Test
        void aQueryAnsweredWithRowsThatAreNotObjectsFails() {
            assertThat(keys(CONTRACT.violationsOf(tokenQuery, json(200, "[[3,\"ci-writer\"]]"))))
                    .containsExactly("validation.response.body.schema.type");
        }

        @Test
        void anUnauthorizedAnswerWithABodyFails() {
            assertThat(keys(CONTRACT.violationsOf(tokenQuery, json(401, "{\"error\":\"unauthorized\"}"))))
                    .containsExactly("validation.response.body.unexpected");
        }

        @Test
        void aDeleteWithoutTheNameFails() {
            Request noName = new SimpleRequest.Builder("DELETE", "/api/v3/configure/token")
                    .withHeader("Authorization", BEARER)
                    .build();

            assertThat(keys(CONTRACT.violationsOf(noName, answer(InfluxBodies3.v3DeletedResponse()))))
                    .containsExactly("validation.request.parameter.query.missing");
        }

        @Test
        void aDeleteAnsweredWithAnyOtherStatusOrBodyFails() {
            assertThat(keys(CONTRACT.violationsOf(
                            deleteByName, SimpleResponse.Builder.status(204).build())))
                    .containsExactly("validation.response.status.unknown");
            assertThat(keys(CONTRACT.violationsOf(deleteByName, json(200, "{}"))))
                    .containsExactly("validation.response.body.unexpected");
            assertThat(keys(CONTRACT.violationsOf(
                            deleteByName, SimpleResponse.Builder.status(404).build())))
                    .containsExactly("validation.response.body.missing");
            assertThat(keys(CONTRACT.violationsOf(deleteByName, json(404, "{\"error\":\"not found\"}"))))
                    .containsExactly("validation.response.contentType.notAllowed");
        }

        @Test
        void aDeleteByIdFails() {
            Request byId = new SimpleRequest.Builder("DELETE", "/api/v3/configure/token/3")
                    .withHeader("Authorization", BEARER)
                    .build();

            assertThat(keys(CONTRACT.violationsOf(byId, answer(InfluxBodies3.v3DeletedResponse()))))
                    .containsExactly("validation.request.path.missing");
        }

        private Request v3Query(String body) {
            return new SimpleRequest.Builder("POST", "/api/v3/query_sql")
                    .withHeader("Authorization", BEARER)
                    .withContentType("application/json")
                    .withAccept("application/json")
                    .withBody(body)
                    .build();
        }

        private Request v3Delete(String name) {
            return new SimpleRequest.Builder("DELETE", "/api/v3/configure/token")
                    .withHeader("Authorization", BEARER)
                    .withQueryParam("token_name", name)
                    .build();
        }
    }

    // ---- Management API: Cloud Dedicated and Clustered ----

    @Nested
    class Dedicated {

        private final String token = InfluxBodies3.dedicatedToken(ACCOUNT_ID, CLUSTER_ID, TOKEN_ID, "CI pipeline");

        @Test
        void theTokenPassesAsItIsRevokedAndExpiring() {
            assertThat(CONTRACT.violationsOf(
                            getOf(DEDICATED_TOKEN), answer(InfluxBodies3.managementTokenResponse(token))))
                    .isEmpty();
            assertThat(CONTRACT.violationsOf(
                            getOf(DEDICATED_TOKEN),
                            answer(InfluxBodies3.managementTokenResponse(InfluxBodies3.revoked(token, REVOKED_AT)))))
                    .isEmpty();
            assertThat(CONTRACT.violationsOf(
                            getOf(DEDICATED_TOKEN),
                            answer(InfluxBodies3.managementTokenResponse(
                                    InfluxBodies3.expiring(token, "2027-02-28T10:14:03.512Z")))))
                    .isEmpty();
        }

        @Test
        void theTokenHasTheFieldsTheContractNames() {
            assertThat(token)
                    .startsWith("{\"accountId\":\"" + ACCOUNT_ID + "\",\"clusterId\":\"" + CLUSTER_ID + "\",\"id\":\""
                            + TOKEN_ID + "\",\"description\":\"CI pipeline\",\"permissions\":[{\"action\":\"write\"")
                    .endsWith("\"createdAt\":\"" + CREATED_AT + "\"}")
                    .doesNotContain("revokedAt", "expiresAt");
            assertThat(InfluxBodies3.revoked(token, REVOKED_AT)).endsWith(",\"revokedAt\":\"" + REVOKED_AT + "\"}");
            assertThat(InfluxBodies3.managementError(404)).isEqualTo("{\"code\":404,\"message\":\"not found\"}");
        }

        @Test
        void aRevokeAnsweredWith204Passes() {
            assertThat(CONTRACT.violationsOf(
                            deleteOf(DEDICATED_TOKEN), answer(InfluxBodies3.managementDeletedResponse())))
                    .isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {400, 401, 403, 404, 500})
        void eachErrorOfGetAndDeletePasses(int status) {
            assertThat(CONTRACT.violationsOf(
                            getOf(DEDICATED_TOKEN), answer(InfluxBodies3.managementErrorResponse(status))))
                    .isEmpty();
            assertThat(CONTRACT.violationsOf(
                            deleteOf(DEDICATED_TOKEN), answer(InfluxBodies3.managementErrorResponse(status))))
                    .isEmpty();
        }

        @Test
        void aTokenIdThatIsNotAUuidFails() {
            String path = "/api/v0/accounts/" + ACCOUNT_ID + "/clusters/" + CLUSTER_ID + "/tokens/3";

            assertThat(keys(CONTRACT.violationsOf(deleteOf(path), answer(InfluxBodies3.managementDeletedResponse()))))
                    .containsExactly("validation.request.parameter.schema.format.uuid");
        }

        @Test
        void anAccountThatIsNotAUuidFails() {
            String path = "/api/v0/accounts/acme/clusters/" + CLUSTER_ID + "/tokens/" + TOKEN_ID;

            assertThat(keys(CONTRACT.violationsOf(getOf(path), answer(InfluxBodies3.managementTokenResponse(token)))))
                    .containsExactly("validation.request.parameter.schema.format.uuid");
        }

        @Test
        void aTokenWithoutARequiredFieldFails() {
            String noCreatedAt = token.replace(",\"createdAt\":\"" + CREATED_AT + "\"", "");
            String noCluster = token.replace("\"clusterId\":\"" + CLUSTER_ID + "\",", "");

            assertThat(keys(CONTRACT.violationsOf(getOf(DEDICATED_TOKEN), json(200, noCreatedAt))))
                    .containsExactly("validation.response.body.schema.required");
            assertThat(keys(CONTRACT.violationsOf(getOf(DEDICATED_TOKEN), json(200, noCluster))))
                    .containsExactly("validation.response.body.schema.required");
        }

        @Test
        void aTokenWithFieldsOfTheWrongFormFails() {
            String numericId = token.replace("\"id\":\"" + TOKEN_ID + "\"", "\"id\":3");
            String localTime = token.replace(CREATED_AT, "2026-11-30T10:14:03.512");
            String permissionString = token.replaceFirst("\"permissions\":\\[.*?\\]", "\"permissions\":\"db:*:read\"");

            assertThat(keys(CONTRACT.violationsOf(getOf(DEDICATED_TOKEN), json(200, numericId))))
                    .containsExactly("validation.response.body.schema.type");
            assertThat(keys(CONTRACT.violationsOf(getOf(DEDICATED_TOKEN), json(200, localTime))))
                    .containsExactly("validation.response.body.schema.format.date-time");
            assertThat(keys(CONTRACT.violationsOf(getOf(DEDICATED_TOKEN), json(200, permissionString))))
                    .containsExactly("validation.response.body.schema.type");
        }

        @Test
        void anErrorWhoseCodeIsNotItsStatusOrWithoutMessageFails() {
            assertThat(keys(CONTRACT.violationsOf(
                            getOf(DEDICATED_TOKEN), json(404, InfluxBodies3.managementError(500)))))
                    .containsExactly("validation.response.body.schema.enum");
            assertThat(keys(CONTRACT.violationsOf(getOf(DEDICATED_TOKEN), json(404, "{\"code\":404}"))))
                    .containsExactly("validation.response.body.schema.required");
        }

        @Test
        void aFieldTheContractDoesNotNameFails() {
            String misspelt = token.substring(0, token.length() - 1) + ",\"revoked_at\":\"" + REVOKED_AT + "\"}";

            assertThat(keys(CONTRACT.violationsOf(getOf(DEDICATED_TOKEN), json(200, misspelt))))
                    .containsExactly("validation.response.body.schema.additionalProperties");
        }

        @Test
        void aWrongStatusOrMethodFails() {
            assertThat(keys(CONTRACT.violationsOf(
                            deleteOf(DEDICATED_TOKEN),
                            SimpleResponse.Builder.status(200).build())))
                    .containsExactly("validation.response.status.unknown");
            assertThat(keys(CONTRACT.violationsOf(
                            new SimpleRequest.Builder("POST", DEDICATED_TOKEN).build(),
                            SimpleResponse.Builder.status(204).build())))
                    .containsExactly("validation.request.operation.notAllowed");
        }
    }

    @Nested
    class Clustered {

        private final String token = InfluxBodies3.clusteredToken(TOKEN_ID, "CI pipeline");

        @Test
        void theTokenPassesAsItIsAndRevoked() {
            assertThat(token).doesNotContain("accountId", "clusterId");
            assertThat(CONTRACT.violationsOf(
                            getOf(CLUSTERED_TOKEN), answer(InfluxBodies3.managementTokenResponse(token))))
                    .isEmpty();
            assertThat(CONTRACT.violationsOf(
                            getOf(CLUSTERED_TOKEN),
                            answer(InfluxBodies3.managementTokenResponse(InfluxBodies3.revoked(token, REVOKED_AT)))))
                    .isEmpty();
        }

        @Test
        void aRevokeAnsweredWith204Passes() {
            assertThat(CONTRACT.violationsOf(
                            deleteOf(CLUSTERED_TOKEN), answer(InfluxBodies3.managementDeletedResponse())))
                    .isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {400, 401, 403, 404, 500})
        void eachErrorOfGetAndDeletePasses(int status) {
            assertThat(CONTRACT.violationsOf(
                            getOf(CLUSTERED_TOKEN), answer(InfluxBodies3.managementErrorResponse(status))))
                    .isEmpty();
            assertThat(CONTRACT.violationsOf(
                            deleteOf(CLUSTERED_TOKEN), answer(InfluxBodies3.managementErrorResponse(status))))
                    .isEmpty();
        }

        @Test
        void aTokenIdThatIsNotAUuidFails() {
            assertThat(keys(CONTRACT.violationsOf(
                            deleteOf("/api/v0/tokens/ci-writer"), answer(InfluxBodies3.managementDeletedResponse()))))
                    .containsExactly("validation.request.parameter.schema.format.uuid");
        }

        @Test
        void aTokenWithDedicatedsAccountAndClusterFails() {
            String dedicated = InfluxBodies3.dedicatedToken(ACCOUNT_ID, CLUSTER_ID, TOKEN_ID, "CI pipeline");

            assertThat(keys(CONTRACT.violationsOf(getOf(CLUSTERED_TOKEN), json(200, dedicated))))
                    .containsExactly("validation.response.body.schema.additionalProperties");
        }

        @Test
        void aTokenWithoutItsIdFails() {
            String noId = token.replace("\"id\":\"" + TOKEN_ID + "\",", "");

            assertThat(keys(CONTRACT.violationsOf(getOf(CLUSTERED_TOKEN), json(200, noId))))
                    .containsExactly("validation.response.body.schema.required");
        }

        @Test
        void anErrorAsTextFails() {
            assertThat(keys(CONTRACT.violationsOf(
                            getOf(CLUSTERED_TOKEN),
                            SimpleResponse.Builder.status(404)
                                    .withContentType("text/plain")
                                    .withBody("not found")
                                    .build())))
                    .containsExactly("validation.response.contentType.notAllowed");
        }

        @Test
        void aWrongStatusFails() {
            assertThat(keys(CONTRACT.violationsOf(
                            deleteOf(CLUSTERED_TOKEN), answer(InfluxBodies3.managementErrorResponse(409)))))
                    .containsExactly("validation.response.status.unknown");
        }
    }

    // ---- through WireMock, as Stubs wires it ----

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ThroughWireMock {

        private final InfluxContract contract = new InfluxContract();
        private WireMockServer influx;
        private final HttpClient http = HttpClient.newHttpClient();

        @BeforeAll
        void start() {
            influx = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
            influx.start();
            influx.addMockServiceRequestListener(contract::check);
        }

        @AfterAll
        void stop() {
            influx.stop();
        }

        @Test
        void theBotsExchangesWithEachKindLeaveNoViolation() throws Exception {
            contract.reset();
            influx.stubFor(post(urlEqualTo("/api/v3/query_sql"))
                    .willReturn(InfluxBodies3.v3QueryResponse(InfluxBodies3.v3TokenRows(NAME))));
            influx.stubFor(delete(urlEqualTo("/api/v3/configure/token?token_name=_admin"))
                    .willReturn(InfluxBodies3.v3OperatorTokenResponse()));
            influx.stubFor(delete(urlEqualTo(DEDICATED_TOKEN)).willReturn(InfluxBodies3.managementDeletedResponse()));
            influx.stubFor(delete(urlEqualTo(CLUSTERED_TOKEN)).willReturn(InfluxBodies3.managementErrorResponse(404)));

            send("POST", "/api/v3/query_sql", BEARER, InfluxBodies3.v3TokenQuery(NAME));
            send("DELETE", "/api/v3/configure/token?token_name=_admin", BEARER, null);
            send("DELETE", DEDICATED_TOKEN, MANAGEMENT_BEARER, null);
            send("DELETE", CLUSTERED_TOKEN, MANAGEMENT_BEARER, null);

            assertThat(contract.violations()).isEmpty();
        }

        @Test
        void anOffContractExchangeIsRecordedUnlessAllowed() throws Exception {
            contract.reset();
            influx.stubFor(delete(urlEqualTo("/api/v3/configure/token?token_name=" + NAME))
                    .willReturn(InfluxBodies3.v3QueryResponse("{\"results\":[]}")));
            influx.stubFor(
                    delete(urlEqualTo("/api/v0/databases/x")).willReturn(InfluxBodies3.managementDeletedResponse()));

            send("DELETE", "/api/v3/configure/token?token_name=" + NAME, BEARER, null);
            send("DELETE", "/api/v0/databases/x", MANAGEMENT_BEARER, null);

            assertThat(contract.violations())
                    .satisfiesExactly(
                            v -> assertThat(v)
                                    .startsWith("DELETE /api/v3/configure/token?token_name=ci-writer -> 200")
                                    .contains("No response body is expected but one was found"),
                            v -> assertThat(v)
                                    .startsWith("DELETE /api/v0/databases/x -> 204")
                                    .contains("No InfluxDB contract covers DELETE /api/v0/databases/x"));

            contract.reset();
            contract.allowViolations();
            send("DELETE", "/api/v0/databases/x", MANAGEMENT_BEARER, null);
            assertThat(contract.violations()).isEmpty();
            contract.reset();
        }

        private void send(String method, String path, String authorization, String body) throws Exception {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(influx.baseUrl() + path)).header("Authorization", authorization);
            if (body != null) {
                request.header("Content-Type", "application/json").header("Accept", "application/json");
            }
            request.method(
                    method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    // ---- helpers ----

    private static Request getOf(String path) {
        return new SimpleRequest.Builder("GET", path)
                .withHeader("Authorization", MANAGEMENT_BEARER)
                .withAccept("application/json")
                .build();
    }

    private static Request deleteOf(String path) {
        return new SimpleRequest.Builder("DELETE", path)
                .withHeader("Authorization", MANAGEMENT_BEARER)
                .build();
    }

    private static com.atlassian.oai.validator.model.Response json(int status, String body) {
        return SimpleResponse.Builder.status(status)
                .withContentType("application/json")
                .withBody(body)
                .build();
    }

    /** The answer a stub built with this definition gives, as the contract sees it. */
    private static com.atlassian.oai.validator.model.Response answer(ResponseDefinitionBuilder stub) {
        ResponseDefinition definition = stub.build();
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(definition.getStatus());
        if (definition.getHeaders() != null) {
            definition.getHeaders().all().forEach(h -> answer.withHeader(h.key(), h.values()));
        }
        if (definition.specifiesBodyContent()) {
            answer.withBody(definition.getBody());
        }
        return answer.build();
    }

    private static List<String> keys(List<ValidationReport.Message> messages) {
        return messages.stream().map(ValidationReport.Message::getKey).toList();
    }
}
