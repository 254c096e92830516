/**
 * The local sandbox: the bot's own settings pointing at a fake Slack and a fake InfluxDB that this
 * process serves under {@code /sandbox}, and a page that plays a Slack channel. It stands outside the
 * bot: no room of the bot depends on it, and it uses none of them (ArchitectureTest), so the bot runs
 * in the sandbox exactly as it runs against Slack and InfluxDB.
 */
package dev.revoketokenbot.sandbox;
