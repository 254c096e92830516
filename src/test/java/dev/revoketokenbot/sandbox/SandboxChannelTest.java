package dev.revoketokenbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import org.junit.jupiter.api.Test;

class SandboxChannelTest {

    private final SandboxChannel channel = new SandboxChannel();

    @Test
    void keepsTheLatestEntriesOnly() {
        SandboxChannel.Entry first = channel.post("first", NullNode.getInstance());
        for (int i = 0; i < SandboxChannel.KEPT; i++) {
            channel.ephemeral(SandboxWorkspace.STRANGER.id(), "reply " + i);
        }

        assertThat(channel.entries()).hasSize(SandboxChannel.KEPT);
        assertThat(channel.entries().get(0).text()).isEqualTo("reply 0");
        assertThat(channel.update(first.ts(), "gone", NullNode.getInstance())).isEmpty();
    }

    @Test
    void eachMessageHasATimestampOfItsOwnAndKeepsItsPlaceWhenUpdated() {
        SandboxChannel.Entry one = channel.post("one", NullNode.getInstance());
        SandboxChannel.Entry two = channel.post("two", NullNode.getInstance());
        long before = channel.version();

        assertThat(one.ts()).isNotEqualTo(two.ts());
        assertThat(channel.update(one.ts(), "one, edited", NullNode.getInstance()))
                .isPresent();
        assertThat(channel.entries()).extracting(SandboxChannel.Entry::text).containsExactly("one, edited", "two");
        assertThat(channel.version()).isGreaterThan(before);
    }
}
