package dev.revoketokenbot.slack;

import dev.revoketokenbot.revocation.TokenQuery;

/** What {@code /revoke-token} text asks for. */
sealed interface ParsedCommand {

    /** Look the target up and post a request. */
    record Lookup(TokenQuery target, String reason) implements ParsedCommand {}

    /** List the InfluxDB targets: names and kinds, never a token. */
    record ListTargets() implements ParsedCommand {}

    /** Answer with usage; {@code problem} says what was wrong, empty for plain help. */
    record Usage(String problem) implements ParsedCommand {}
}
