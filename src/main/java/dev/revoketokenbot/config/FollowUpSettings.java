package dev.revoketokenbot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The work done after each ack: InfluxDB calls and Slack Web API calls. */
@ConfigMapping(prefix = "slack.follow-ups")
public interface FollowUpSettings {

    /**
     * How many follow-ups run at once ({@code SLACK_FOLLOW_UPS_THREADS}). Each mostly waits on
     * InfluxDB or Slack, so this bounds how many slow InfluxDB calls can be outstanding.
     */
    @WithDefault("16")
    int threads();

    /**
     * How many follow-ups may wait for a thread ({@code SLACK_FOLLOW_UPS_QUEUE}). Beyond it, a
     * command or click is turned away with a word to the person who acted, rather than queued
     * without end while InfluxDB or Slack is slow.
     */
    @WithDefault("2000")
    int queue();

    /**
     * How many clicks are decided at once ({@code SLACK_FOLLOW_UPS_DECISION_THREADS}), on a lane of
     * their own: a flood of lookups against a hung InfluxDB never keeps an approver's click waiting.
     */
    @WithDefault("8")
    int decisionThreads();

    /** How many clicks may wait for a decision thread ({@code SLACK_FOLLOW_UPS_DECISION_QUEUE}). */
    @WithDefault("2000")
    int decisionQueue();
}
