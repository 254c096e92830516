package dev.revoketokenbot.influx;

import dev.revoketokenbot.config.InfluxSettings;
import dev.revoketokenbot.config.TargetCatalog;
import dev.revoketokenbot.config.TargetKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * One client per configured target, of its kind, built once. A request names its target; a target
 * the bot is no longer configured with (after a restart with other settings) answers every call
 * with UNKNOWN_TARGET, and nothing is sent anywhere.
 */
@ApplicationScoped
public class InfluxTargets {

    private final Map<String, Connected> targets = new LinkedHashMap<>();

    InfluxTargets(TargetCatalog catalog, InfluxSettings settings, MeterRegistry metrics, Clock clock) {
        for (TargetCatalog.Target target : catalog.all()) {
            InfluxReachability reachability = new InfluxReachability(target.name(), metrics);
            InfluxCalls calls = new InfluxCalls(target.name(), settings, reachability, metrics, clock);
            targets.put(target.name(), new Connected(tokens(target, settings, calls), reachability));
        }
    }

    /** A target's tokens and what its calls said about it. */
    public record Connected(TargetTokens tokens, InfluxReachability reachability) {}

    /** The tokens of the target of that name. */
    public TargetTokens of(String target) {
        Connected connected = targets.get(target);
        return connected == null ? new UnknownTarget(target) : connected.tokens();
    }

    /** Whether the bot is configured with a target of that name. */
    public boolean isConfigured(String target) {
        return targets.containsKey(target);
    }

    /** Every configured target, in name order. */
    public List<Connected> all() {
        return List.copyOf(targets.values());
    }

    private static TargetTokens tokens(TargetCatalog.Target target, InfluxSettings settings, InfluxCalls calls) {
        String base = target.url().toString().replaceAll("/+$", "");
        return switch (target.kind()) {
            case V2 ->
                new V2Tokens(
                        target.name(),
                        client(URI.create(base), "Token", target, settings, InfluxAuthorizationsClient.class),
                        calls);
            case V3 ->
                new V3Tokens(
                        target.name(),
                        client(URI.create(base), "Bearer", target, settings, Influx3TokensClient.class),
                        calls);
            case DEDICATED ->
                new ManagementTokens(
                        target.name(),
                        TargetKind.DEDICATED,
                        client(
                                URI.create(base + "/api/v0/accounts/" + target.accountId() + "/clusters/"
                                        + target.clusterId()),
                                "Bearer",
                                target,
                                settings,
                                ManagementTokensClient.class),
                        calls);
            case CLUSTERED ->
                new ManagementTokens(
                        target.name(),
                        TargetKind.CLUSTERED,
                        client(URI.create(base + "/api/v0"), "Bearer", target, settings, ManagementTokensClient.class),
                        calls);
        };
    }

    /**
     * A REST client for one target with short explicit timeouts. The token goes in the {@code
     * Authorization} header with the word its kind expects: {@code Token} for the v2 API (the word
     * is case-sensitive on InfluxDB Cloud), {@code Bearer} for InfluxDB 3 and the Management API.
     */
    private static <T> T client(
            URI base, String scheme, TargetCatalog.Target target, InfluxSettings settings, Class<T> api) {
        String authorization = scheme + " " + target.token();
        ClientHeadersFactory headers = new ClientHeadersFactory() {
            @Override
            public MultivaluedMap<String, String> update(
                    MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
                MultivaluedMap<String, String> added = new MultivaluedHashMap<>();
                added.putSingle("Authorization", authorization);
                return added;
            }
        };
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(base)
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .clientHeadersFactory(headers)
                .build(api);
    }

    /** A target named by a request but no longer configured: every call fails, nothing is sent. */
    private record UnknownTarget(String target) implements TargetTokens {

        @Override
        public TargetKind kind() {
            return TargetKind.V2;
        }

        @Override
        public Token find(String tokenId) {
            throw new InfluxException(InfluxFailure.UNKNOWN_TARGET, 0, null);
        }

        @Override
        public boolean delete(String tokenId) {
            throw new InfluxException(InfluxFailure.UNKNOWN_TARGET, 0, null);
        }

        @Override
        public Token setStatus(String tokenId, String status) {
            throw new InfluxException(InfluxFailure.UNKNOWN_TARGET, 0, null);
        }
    }
}
