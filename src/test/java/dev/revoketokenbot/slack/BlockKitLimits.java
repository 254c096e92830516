package dev.revoketokenbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Slack's limits on a message, checked on the Block Kit JSON Slack receives. The numbers are Slack's
 * (Block Kit reference), written out here rather than read from the code under test; past them
 * Slack answers {@code invalid_blocks} and posts nothing.
 */
final class BlockKitLimits {

    /**
     * Undocumented: past about 13,000 characters of blocks Slack answers {@code msg_blocks_too_long}
     * (bolt-js issue #2509).
     */
    static final int BLOCKS_TOTAL = 13_000;

    static final int MAX_BLOCKS = 50;
    static final int SECTION_TEXT = 3_000;
    static final int FIELD_TEXT = 2_000;
    static final int MAX_FIELDS = 10;
    static final int HEADER_TEXT = 150;
    static final int CONTEXT_TEXT = 3_000;
    static final int MAX_CONTEXT_ELEMENTS = 10;
    static final int BUTTON_TEXT = 75;
    static final int BUTTON_VALUE = 2_000;
    static final int ID_LENGTH = 255;
    static final int CONFIRM_TITLE = 100;
    static final int CONFIRM_TEXT = 300;
    static final int CONFIRM_BUTTON = 30;
    /** A message's (or a record's) top-level {@code text}. */
    static final int MESSAGE_TEXT = 40_000;

    /** Slack's escapes; after escaping, a raw {@code &} only ever starts one of them. */
    private static final Pattern BROKEN_ENTITY = Pattern.compile("&(?!amp;|lt;|gt;)");
    /** The bot's own tokens (mentions, channels, dates) are the only raw angle brackets. */
    private static final Pattern OWN_TOKEN = Pattern.compile("<(?:@|#|!date\\^)[^<>]*>");

    /** Bidi embeddings, overrides, isolates and marks, and zero-width characters. */
    static final Pattern INVISIBLE =
            Pattern.compile("[\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069\\uFEFF]");

    private BlockKitLimits() {}

    /** Every block and text object within Slack's limits, and the blocks within the total Slack accepts. */
    static void assertWithinLimits(JsonArray blocks) {
        assertThat(blocks.size()).as("blocks").isLessThanOrEqualTo(MAX_BLOCKS);
        // Counted as Slack reads the JSON: Gson's HTML-safe escapes (< as a backslash-u escape) are transport only.
        String serialized = new GsonBuilder().disableHtmlEscaping().create().toJson(blocks);
        assertThat(serialized.length()).as("serialized blocks").isLessThan(BLOCKS_TOTAL);
        for (JsonElement element : blocks) {
            JsonObject block = element.getAsJsonObject();
            if (block.has("block_id")) {
                assertThat(string(block, "block_id")).hasSizeLessThanOrEqualTo(ID_LENGTH);
            }
            switch (string(block, "type")) {
                case "header" -> assertText(block.getAsJsonObject("text"), HEADER_TEXT, "header");
                case "section" -> {
                    if (block.has("text")) {
                        assertText(block.getAsJsonObject("text"), SECTION_TEXT, "section text");
                    }
                    if (block.has("fields")) {
                        JsonArray fields = block.getAsJsonArray("fields");
                        assertThat(fields.size()).as("fields").isLessThanOrEqualTo(MAX_FIELDS);
                        fields.forEach(field -> assertText(field.getAsJsonObject(), FIELD_TEXT, "field"));
                    }
                }
                case "context" -> {
                    JsonArray elements = block.getAsJsonArray("elements");
                    assertThat(elements.size()).as("context elements").isLessThanOrEqualTo(MAX_CONTEXT_ELEMENTS);
                    elements.forEach(text -> assertText(text.getAsJsonObject(), CONTEXT_TEXT, "context"));
                }
                case "actions" -> block.getAsJsonArray("elements").forEach(e -> assertButton(e.getAsJsonObject()));
                default -> throw new AssertionError("a block this check does not know: " + block);
            }
        }
    }

    private static void assertButton(JsonObject button) {
        assertText(button.getAsJsonObject("text"), BUTTON_TEXT, "button");
        assertThat(string(button, "action_id")).hasSizeLessThanOrEqualTo(ID_LENGTH);
        assertThat(string(button, "value")).hasSizeLessThanOrEqualTo(BUTTON_VALUE);
        if (button.has("confirm")) {
            JsonObject confirm = button.getAsJsonObject("confirm");
            assertText(confirm.getAsJsonObject("title"), CONFIRM_TITLE, "confirm title");
            assertText(confirm.getAsJsonObject("text"), CONFIRM_TEXT, "confirm text");
            assertText(confirm.getAsJsonObject("confirm"), CONFIRM_BUTTON, "confirm button");
            assertText(confirm.getAsJsonObject("deny"), CONFIRM_BUTTON, "deny button");
        }
    }

    private static void assertText(JsonObject text, int limit, String what) {
        String value = string(text, "text");
        assertThat(value.length()).as(what + " length").isLessThanOrEqualTo(limit);
        if (string(text, "type").equals("mrkdwn")) {
            assertWellFormed(value);
        }
    }

    /**
     * Mrkdwn as the bot must write it, cut or not: every escape whole, every code span closed, and
     * no angle bracket but the bot's own tokens.
     */
    static void assertWellFormed(String mrkdwn) {
        assertThat(BROKEN_ENTITY.matcher(mrkdwn).find())
                .as("an escape cut or missing in %s", abbreviate(mrkdwn))
                .isFalse();
        assertThat(mrkdwn.chars().filter(c -> c == '`').count() % 2)
                .as("a code span left open in %s", abbreviate(mrkdwn))
                .isZero();
        assertThat(OWN_TOKEN.matcher(mrkdwn).replaceAll(""))
                .as("angle brackets outside the bot's own tokens")
                .doesNotContain("<", ">");
        for (int i = 0; i < mrkdwn.length(); i++) {
            char c = mrkdwn.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < mrkdwn.length() && Character.isLowSurrogate(mrkdwn.charAt(i + 1)))
                        .as("a character cut in half at %d", i)
                        .isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c))
                        .as("a character cut in half at %d", i)
                        .isFalse();
            }
        }
    }

    /** Every mrkdwn and plain text in the blocks. */
    static List<String> texts(JsonElement element) {
        List<String> texts = new ArrayList<>();
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(child -> texts.addAll(texts(child)));
        } else if (element.isJsonObject()) {
            JsonObject object = element.getAsJsonObject();
            if (object.has("type") && object.has("text") && object.get("text").isJsonPrimitive()) {
                texts.add(object.get("text").getAsString());
            }
            object.entrySet().forEach(entry -> texts.addAll(texts(entry.getValue())));
        }
        return texts;
    }

    private static String string(JsonObject object, String member) {
        return object.get(member).getAsString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 100) + " [...] " + text.substring(text.length() - 100);
    }
}
