package dev.revoketokenbot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sandbox's one Slack channel, as its people see it: the bot's messages (updated in place, as
 * {@code chat.update} does) and the ephemeral replies each person got. It keeps the latest {@link
 * #KEPT} entries; every change moves {@link #version()}.
 */
@ApplicationScoped
public class SandboxChannel {

    static final int KEPT = 500;

    /**
     * What the channel shows: a message of the bot, or an ephemeral reply only {@code to} sees.
     *
     * @param ts the message's Slack timestamp (messages only)
     * @param blocks its Block Kit blocks, or null for text only
     */
    record Entry(String kind, String ts, String to, String text, JsonNode blocks, Instant at, boolean edited) {

        static final String MESSAGE = "message";
        static final String EPHEMERAL = "ephemeral";
    }

    private final List<Entry> entries = new ArrayList<>();
    private long posted;
    private long version;

    /** Posts a message of the bot and returns it, with the timestamp Slack would give it. */
    synchronized Entry post(String text, JsonNode blocks) {
        Instant at = Instant.now();
        String ts = String.format(Locale.ROOT, "%d.%06d", at.getEpochSecond(), ++posted);
        return add(new Entry(Entry.MESSAGE, ts, null, text, blocks, at, false));
    }

    /** Replaces a message's text and blocks; empty when the channel has no message {@code ts}. */
    synchronized Optional<Entry> update(String ts, String text, JsonNode blocks) {
        for (int i = 0; i < entries.size(); i++) {
            Entry old = entries.get(i);
            if (Entry.MESSAGE.equals(old.kind()) && old.ts().equals(ts)) {
                Entry updated = new Entry(Entry.MESSAGE, ts, null, text, blocks, old.at(), true);
                entries.set(i, updated);
                version++;
                return Optional.of(updated);
            }
        }
        return Optional.empty();
    }

    /** A reply only {@code to} sees, as Slack shows one sent to a response_url. */
    synchronized void ephemeral(String to, String text) {
        add(new Entry(Entry.EPHEMERAL, null, to, text, null, Instant.now(), false));
    }

    synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    synchronized long version() {
        return version;
    }

    synchronized void startOver() {
        entries.clear();
        version++;
    }

    private Entry add(Entry entry) {
        entries.add(entry);
        if (entries.size() > KEPT) {
            entries.remove(0);
        }
        version++;
        return entry;
    }
}
