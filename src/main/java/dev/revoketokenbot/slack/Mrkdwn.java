package dev.revoketokenbot.slack;

/**
 * Slack mrkdwn escaping for text that came from users or InfluxDB. Escaping {@code & < >} is what
 * Slack requires, and it is enough to stop {@code <!channel>} pings and {@code <url|label>} links.
 */
final class Mrkdwn {

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

    static String user(String slackUserId) {
        return "<@" + escape(slackUserId) + ">";
    }

    static String channel(String slackChannelId) {
        return "<#" + escape(slackChannelId) + ">";
    }
}
