package dev.revoketokenbot.slack;

/**
 * Slack mrkdwn for text that came from users or InfluxDB. Escaping {@code & < >} is what Slack
 * requires, and it is enough to stop {@code <!channel>} pings and {@code <url|label>} links.
 *
 * <p>Characters a reader cannot see are made visible before escaping: each bidi embedding,
 * override, isolate or mark (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), each
 * zero-width character (U+200B-U+200D, U+2060, U+FEFF), and every other format or control
 * character (Unicode categories Cf and Cc, among them the invisible tag characters; tab and line
 * breaks stay) and unpaired surrogate, is replaced by {@link #MARKER}, one for one. So a description
 * can't read backwards or hide text, and the reader sees that something was there. The price:
 * emoji joined with U+200D show as their parts with a marker between. Line and paragraph
 * separators (U+2028, U+2029) become line feeds.
 *
 * <p>{@link #cut} shortens mrkdwn built here to Slack's limits, visibly and without breaking it.
 */
final class Mrkdwn {

    /** What stands in for an invisible or direction-changing character: U+FFFD, the replacement character. */
    static final char MARKER = '\uFFFD';

    static final char ELLIPSIS = '…';

    /** At most this long, a mention: Slack IDs are about a dozen characters. */
    static final int MAX_MENTION = 40;

    private Mrkdwn() {}

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return neutralise(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The text with every character a reader can't see replaced by {@link #MARKER} (see the class comment). */
    static String neutralise(String text) {
        StringBuilder visible = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\u2028' || c == '\u2029') {
                visible.append('\n');
            } else if (c != '\t' && c != '\n' && c != '\r' && invisible(c)) {
                visible.append(MARKER);
            } else {
                visible.appendCodePoint(c);
            }
        });
        return visible.toString();
    }

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.CONTROL || type == Character.SURROGATE;
    }

    /**
     * Text shown inside a code span, where Slack forms no {@code *bold*}, {@code _italics_}, mention or
     * link: escaped, on one line, with backticks that would close the span replaced.
     */
    static String code(String text) {
        String value = text == null || text.isEmpty() ? " " : text;
        return "`" + escape(value.replace('`', '\'')).replace('\n', ' ').replace('\r', ' ') + "`";
    }

    /** {@link #code}, cut to at most {@code max} characters, backticks included. */
    static String code(String text, int max) {
        return cut(code(text), max);
    }

    static String user(String slackUserId) {
        return "<@" + cut(escape(slackUserId), MAX_MENTION - 3) + ">";
    }

    static String channel(String slackChannelId) {
        return "<#" + cut(escape(slackChannelId), MAX_MENTION - 3) + ">";
    }

    /**
     * Mrkdwn built by this class, in at most {@code max} characters: whole if it fits; otherwise the
     * longest prefix that splits no escape ({@code &lt;}), no mention or date ({@code <...>}) and no
     * character, then {@link #ELLIPSIS}, then a backtick if the cut fell inside a code span, to close it.
     */
    static String cut(String mrkdwn, int max) {
        if (mrkdwn.length() <= max) {
            return mrkdwn;
        }
        int best = 0;
        boolean bestInCode = false;
        boolean inCode = false;
        int wholeUntil = 0; // positions before this one are inside an escape or a <...>
        for (int at = 0; at < mrkdwn.length(); at++) {
            char c = mrkdwn.charAt(at);
            if (at >= wholeUntil && !Character.isLowSurrogate(c)) {
                if (at + 1 + (inCode ? 1 : 0) > max) {
                    break;
                }
                best = at;
                bestInCode = inCode;
            }
            if (at < wholeUntil) {
                continue;
            }
            if (c == '`') {
                inCode = !inCode;
            } else if (c == '<') {
                int end = mrkdwn.indexOf('>', at);
                wholeUntil = end < 0 ? mrkdwn.length() : end + 1;
            } else if (c == '&') {
                wholeUntil = at + escapeLength(mrkdwn, at);
            }
        }
        return mrkdwn.substring(0, best) + ELLIPSIS + (bestInCode ? "`" : "");
    }

    private static int escapeLength(String mrkdwn, int at) {
        for (String escape : new String[] {"&amp;", "&lt;", "&gt;"}) {
            if (mrkdwn.startsWith(escape, at)) {
                return escape.length();
            }
        }
        return 1;
    }
}
