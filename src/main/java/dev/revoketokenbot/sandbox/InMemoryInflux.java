package dev.revoketokenbot.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory InfluxDB's state: its authorizations, seeded from {@link InfluxSeed}, and the last
 * requests it answered, for the page to show. Every change moves {@link #version()}.
 */
@ApplicationScoped
public class InMemoryInflux {

    /** How many answered requests the page is shown. */
    static final int CALLS_KEPT = 30;

    private final Map<String, StoredAuthorization> byId = new LinkedHashMap<>();
    private final Deque<Call> calls = new ArrayDeque<>();
    private long version;

    /** A request the in-memory InfluxDB answered: method, path and query, status. */
    record Call(Instant at, String method, String target, int status) {}

    InMemoryInflux() {
        seed();
    }

    /** Back to the seeded authorizations, with no requests answered. */
    synchronized void startOver() {
        seed();
        calls.clear();
        version++;
    }

    private void seed() {
        byId.clear();
        InfluxSeed.authorizations().forEach(a -> byId.put(a.id(), a));
    }

    synchronized Optional<StoredAuthorization> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every authorization, in the order InfluxDB made them. */
    synchronized List<StoredAuthorization> all() {
        return List.copyOf(byId.values());
    }

    synchronized boolean hasUser(String name) {
        return byId.values().stream().anyMatch(a -> a.user().equals(name));
    }

    /** Sets the status and the description (null leaves each as it is); empty when there is no such authorization. */
    synchronized Optional<StoredAuthorization> update(String id, String status, String description) {
        StoredAuthorization current = byId.get(id);
        if (current == null) {
            return Optional.empty();
        }
        StoredAuthorization updated = current.changed(
                status == null ? current.status() : status,
                description == null ? current.description() : description,
                Instant.now());
        byId.put(id, updated);
        version++;
        return Optional.of(updated);
    }

    /** False when there was no such authorization. */
    synchronized boolean delete(String id) {
        boolean deleted = byId.remove(id) != null;
        if (deleted) {
            version++;
        }
        return deleted;
    }

    synchronized void answered(String method, String target, int status) {
        calls.addFirst(new Call(Instant.now(), method, target, status));
        if (calls.size() > CALLS_KEPT) {
            calls.removeLast();
        }
        version++;
    }

    /** The latest answered requests, newest first. */
    synchronized List<Call> calls() {
        return new ArrayList<>(calls);
    }

    synchronized long version() {
        return version;
    }
}
