package dev.revoketokenbot.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.revoketokenbot.config.TargetKind;
import dev.revoketokenbot.influx.Authorization.Permission;
import dev.revoketokenbot.influx.Authorization.Resource;
import dev.revoketokenbot.influx.Token;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one-line permission summary a responder reads before approving. */
class TokenSummaryTest {

    private static final String SIX_LISTED =
            "read buckets/b1, read buckets/b2, read buckets/b3, read buckets/b4, read buckets/b5, read buckets/b6";

    private static Permission on(String action, String type, String id, String name) {
        return new Permission(action, new Resource(type, id, name, "my-org", "0000000000000001"));
    }

    private static Permission bucket(String action, String name) {
        return on(action, "buckets", null, name);
    }

    static Stream<Arguments> summaries() {
        Permission readB1 = bucket("read", "b1");
        Permission writeB1 = bucket("write", "b1");
        return Stream.of(
                arguments("no permissions", List.of(), "none"),
                arguments("a named resource", List.of(readB1), "read buckets/b1"),
                arguments("by ID only", List.of(on("write", "buckets", "05e1", null)), "write buckets/05e1"),
                arguments("the name wins over the ID", List.of(on("read", "buckets", "05e1", "b1")), "read buckets/b1"),
                arguments("neither ID nor name", List.of(on("read", "users", null, null)), "read users (all)"),
                arguments("an empty name and no ID", List.of(on("read", "orgs", null, "")), "read orgs (all)"),
                arguments("no resource at all", List.of(new Permission("read", null)), "read ?"),
                arguments(
                        "repeats collapse",
                        List.of(readB1, readB1, writeB1, readB1),
                        "read buckets/b1, write buckets/b1"),
                arguments(
                        "first seen, first listed",
                        List.of(writeB1, readB1, writeB1),
                        "write buckets/b1, read buckets/b1"),
                arguments("six distinct are all listed", buckets(6), SIX_LISTED),
                arguments("a seventh distinct is counted", buckets(7), SIX_LISTED + " and 1 more"),
                arguments("distinct ones are counted, not repeats", twice(buckets(10)), SIX_LISTED + " and 4 more"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("summaries")
    void summarises(String name, List<Permission> permissions, String expected) {
        assertThat(TokenSummary.summarise(
                        permissions.stream().map(Permission::describe).toList()))
                .isEqualTo(expected);
    }

    @Test
    void summaryOfATokenHasNoNullFields() {
        Token bare = new Token("0a1b2c3d4e5f6789", null, null, null, null, null, null, null);

        TokenSummary summary = TokenSummary.of(bare, TargetKind.V3);

        assertThat(summary)
                .isEqualTo(new TokenSummary("0a1b2c3d4e5f6789", "", "", "", "", "none", null, TargetKind.V3, null));
    }

    @Test
    void summaryOfATokenCarriesItsFields() {
        Instant created = Instant.parse("2024-04-30T08:00:00Z");
        Instant expires = Instant.parse("2025-04-30T08:00:00Z");
        Token token = new Token(
                "0a1b2c3d4e5f6789",
                "telegraf",
                "active",
                "ci-writer",
                "my-org",
                List.of(bucket("write", "telegraf").describe()),
                created,
                expires);

        assertThat(TokenSummary.of(token, TargetKind.V2))
                .isEqualTo(new TokenSummary(
                        "0a1b2c3d4e5f6789",
                        "telegraf",
                        "active",
                        "ci-writer",
                        "my-org",
                        "write buckets/telegraf",
                        created,
                        TargetKind.V2,
                        expires));
    }

    private static List<Permission> twice(List<Permission> permissions) {
        return Stream.concat(permissions.stream(), permissions.stream()).toList();
    }

    private static List<Permission> buckets(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> bucket("read", "b" + i))
                .toList();
    }
}
