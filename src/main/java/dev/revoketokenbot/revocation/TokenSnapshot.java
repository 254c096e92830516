package dev.revoketokenbot.revocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.OptionalInt;

/**
 * What a request message showed about its token, kept with the request in the ledger so that every
 * later version of the message shows the same, on any replica.
 *
 * @param otherTokens for a request by user, how many other tokens that user had; else null
 */
record TokenSnapshot(TokenSummary token, Integer otherTokens) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static TokenSnapshot of(TokenSummary token, OptionalInt others) {
        return new TokenSnapshot(token, others.isPresent() ? others.getAsInt() : null);
    }

    OptionalInt others() {
        return otherTokens == null ? OptionalInt.empty() : OptionalInt.of(otherTokens);
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the token snapshot", e);
        }
    }

    static TokenSnapshot parse(String json) {
        try {
            return JSON.readValue(json, TokenSnapshot.class);
        } catch (JsonProcessingException e) {
            // Written by this class only; never show what it held.
            throw new IllegalStateException("unreadable token snapshot in the ledger");
        }
    }
}
