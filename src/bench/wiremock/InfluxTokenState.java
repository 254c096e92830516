package bench;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the bench's InfluxDB WireMock remember deletions, as InfluxDB does: a token answers GET with
 * its stub's 200 until a DELETE of it succeeds, and GET and DELETE with 404 after. Named in the
 * {@code transformers} of the stubs in {@code influx/mappings/}; {@code run.sh} compiles it against
 * the WireMock jar and starts that WireMock with {@code --extensions bench.InfluxTokenState}.
 *
 * <p>One set lookup per request, whatever the number of tokens. Per-token WireMock scenarios would
 * need stubs per token, and WireMock tries every stub in turn: with the stubs of one 2000-token round
 * registered, the InfluxDB requests cost the WireMock 4 to 5 times the CPU, on the CPUs the service
 * is measured on. A 404 keeps its stub's delay (10 s for "fff..." IDs).
 */
public class InfluxTokenState implements ResponseDefinitionTransformerV2 {

    private static final String PREFIX = "/api/v2/authorizations/";
    /** InfluxDB 2's answer for an authorization it does not have. */
    private static final String NOT_FOUND = "{\"code\":\"not found\",\"message\":\"authorization not found\"}";

    /** IDs deleted so far; every ID in a bench run is new, and each WireMock lives for one scenario. */
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();

    @Override
    public String getName() {
        return "influx-token-state";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        ResponseDefinition stubbed = serveEvent.getResponseDefinition();
        String url = serveEvent.getRequest().getUrl();
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        if (!path.startsWith(PREFIX)) {
            return stubbed;
        }
        String id = path.substring(PREFIX.length());
        RequestMethod method = serveEvent.getRequest().getMethod();
        boolean gone = RequestMethod.DELETE.equals(method)
                ? !deleted.add(id) // the first DELETE deletes it (and gets the stub's 204)
                : deleted.contains(id);
        if (!gone) {
            return stubbed;
        }
        return ResponseDefinitionBuilder.like(stubbed)
                .withStatus(404)
                .withHeaders(new HttpHeaders(new HttpHeader("Content-Type", "application/json; charset=utf-8")))
                .withBody(NOT_FOUND)
                .build();
    }
}
