package dev.revoketokenbot.slack;

/**
 * Slack mrkdwn for text that came from users or InfluxDB. Escaping {@code & < >} is what Slack
 * requires, and it is enough to stop {@code <!channel>} pings and {@code <url|label>} links.
 *
 * <p>{@link #cut} shortens mrkdwn built here to Slack's limits, visibly and without breaking it.
 */
final class Mrkdwn {

    static final char ELLIPSIS = '…';

    /** At most this long, a mention: Slack IDs are about a dozen characters. */
    static final int MAX_MENTION = 40;

    private Mrkdwn() {}

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Text shown inside a code span, where Slack forms no {@code *bold*}, {@code _italics_}, mention or
     * link: escaped, on one line, with backticks that would close the span replaced.
     */
    static String code(String text) {
        String value = text == null || text.isEmpty() ? " " : text;
        return "`" + escape(value.replace('`', '\'').replace('\n', ' ').replace('\r', ' ')) + "`";
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
