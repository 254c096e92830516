package dev.revoketokenbot.influx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The body of {@code GET /api/v2/authorizations}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthorizationList(List<Authorization> authorizations) {

    public AuthorizationList {
        authorizations = authorizations == null ? List.of() : List.copyOf(authorizations);
    }
}
