package dev.revoketokenbot.slack;

import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.composition.MarkdownTextObject;

/**
 * Slack's limits on the text the bot posts, and the share of them each piece of text from a
 * requester or InfluxDB may take. Past a limit Slack refuses the whole message ({@code
 * invalid_blocks}, {@code msg_blocks_too_long}): nothing is posted, and the token could not be
 * revoked through the bot. So each untrusted piece is cut to its share when it is written, and each
 * text object to Slack's limit when it is made, in case.
 *
 * <p>The shares are sized so that a request message with every piece at its share, each written
 * twice as long in JSON (quotes, backslashes), stays under the about 13,000 characters of blocks
 * Slack takes. That limit is undocumented (bolt-js issue #2509); the documented ones are here.
 */
final class SlackText {

    /** A section's text. */
    static final int SECTION_TEXT = 3_000;
    /** Each of a section's fields (at most 10 of them). */
    static final int FIELD_TEXT = 2_000;
    /** A text element of a context block. */
    static final int CONTEXT_TEXT = 3_000;
    /** A confirmation dialog's text. */
    static final int CONFIRM_TEXT = 300;
    /**
     * A channel record: plain message text, which Slack cuts at 40,000 characters; kept to what a
     * reader takes in.
     */
    static final int RECORD_TEXT = 3_000;

    /** An InfluxDB ID (16 hexadecimal digits when InfluxDB is sane), code span included. */
    static final int ID = 64;
    /** An InfluxDB user, org or status. */
    static final int NAME = 150;

    static final int DESCRIPTION = 1_500;
    static final int PERMISSIONS = 1_000;
    /** The longest reason the command takes, even when escaping makes each character five ({@code &amp;}). */
    static final int REASON = RevokeCommandParser.MAX_REASON_LENGTH * "&amp;".length() + 2;

    private SlackText() {}

    static MarkdownTextObject section(String mrkdwn) {
        return markdownText(Mrkdwn.cut(mrkdwn, SECTION_TEXT));
    }

    static MarkdownTextObject field(String mrkdwn) {
        return markdownText(Mrkdwn.cut(mrkdwn, FIELD_TEXT));
    }

    static MarkdownTextObject context(String mrkdwn) {
        return markdownText(Mrkdwn.cut(mrkdwn, CONTEXT_TEXT));
    }

    static MarkdownTextObject confirm(String mrkdwn) {
        return markdownText(Mrkdwn.cut(mrkdwn, CONFIRM_TEXT));
    }

    static String record(String mrkdwn) {
        return Mrkdwn.cut(mrkdwn, RECORD_TEXT);
    }

    /** Untrusted text in a code span of at most {@code max} characters, or a dash when there is none. */
    static String orDash(String text, int max) {
        return text == null || text.isBlank() ? "-" : Mrkdwn.code(text, max);
    }
}
