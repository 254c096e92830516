package dev.revoketokenbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a click must carry to be acted on: who, which button, which message, which channel. */
class ClickTest {

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("a whole click", (Consumer<BlockActionPayload>) p -> {}, null),
                Arguments.of("no user", (Consumer<BlockActionPayload>) p -> p.setUser(null), "a user"),
                Arguments.of(
                        "a user without an ID",
                        (Consumer<BlockActionPayload>) p -> p.getUser().setId(" "),
                        "a user"),
                Arguments.of("no actions", (Consumer<BlockActionPayload>) p -> p.setActions(null), "an action"),
                Arguments.of(
                        "an empty action list",
                        (Consumer<BlockActionPayload>) p -> p.setActions(List.of()),
                        "an action"),
                Arguments.of(
                        "an action without an ID",
                        (Consumer<BlockActionPayload>)
                                p -> p.getActions().get(0).setActionId(null),
                        "an action"),
                Arguments.of("only the message's ts", (Consumer<BlockActionPayload>) p -> p.setContainer(null), null),
                Arguments.of("only the container's ts", (Consumer<BlockActionPayload>) p -> p.setMessage(null), null),
                Arguments.of(
                        "neither container nor message",
                        (Consumer<BlockActionPayload>) p -> {
                            p.setContainer(null);
                            p.setMessage(null);
                        },
                        "a message"),
                Arguments.of(
                        "a container without a ts and no message",
                        (Consumer<BlockActionPayload>) p -> {
                            p.getContainer().setMessageTs(null);
                            p.setMessage(null);
                        },
                        "a message"),
                Arguments.of("no channel", (Consumer<BlockActionPayload>) p -> p.setChannel(null), "a channel"),
                Arguments.of(
                        "a channel without an ID",
                        (Consumer<BlockActionPayload>) p -> p.getChannel().setId(""),
                        "a channel"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("shapes")
    void namesWhatIsMissing(String name, Consumer<BlockActionPayload> change, String missing) {
        BlockActionPayload payload = wholeClick();
        change.accept(payload);

        assertThat(Click.missingPart(payload).orElse(null)).isEqualTo(missing);
    }

    private static BlockActionPayload wholeClick() {
        BlockActionPayload payload = new BlockActionPayload();
        BlockActionPayload.User user = new BlockActionPayload.User();
        user.setId("UAPPROVER1");
        payload.setUser(user);
        BlockActionPayload.Action action = new BlockActionPayload.Action();
        action.setActionId(ActionIds.REVOKE);
        payload.setActions(List.of(action));
        BlockActionPayload.Container container = new BlockActionPayload.Container();
        container.setMessageTs("1700000000.000100");
        payload.setContainer(container);
        com.slack.api.model.Message message = new com.slack.api.model.Message();
        message.setTs("1700000000.000100");
        payload.setMessage(message);
        BlockActionPayload.Channel channel = new BlockActionPayload.Channel();
        channel.setId("CINCIDENT");
        payload.setChannel(channel);
        return payload;
    }
}
