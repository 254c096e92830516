package dev.revoketokenbot.influx;

import dev.revoketokenbot.config.InfluxSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** Adds {@code Authorization: Token ...} (the word is case-sensitive on InfluxDB Cloud). */
@ApplicationScoped
public class InfluxTokenHeader implements ClientHeadersFactory {

    private final InfluxSettings settings;

    InfluxTokenHeader(InfluxSettings settings) {
        this.settings = settings;
    }

    @Override
    public MultivaluedMap<String, String> update(
            MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", "Token " + settings.token());
        return headers;
    }
}
