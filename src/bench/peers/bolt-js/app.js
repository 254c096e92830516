// Benchmark peer: a bare Bolt for JavaScript app (src/bench/README.md, "Peers"). Bolt's default
// HTTPReceiver verifies Slack's signature on POST /slack/events; one listener acks /revoke-token and
// does nothing else. The ack's text has the bot's shape ("Looking up ... in InfluxDB…"), so the load
// driver checks every app's acks the same way. GET /health answers 200 once the server listens: what
// src/bench/peers.sh polls to time the start.
//
//   SLACK_SIGNING_SECRET=... PORT=3000 [HOST=127.0.0.1] node app.js
'use strict';

const { App, LogLevel } = require('@slack/bolt');

const signingSecret = process.env.SLACK_SIGNING_SECRET;
if (!signingSecret) {
  console.error('SLACK_SIGNING_SECRET is required');
  process.exit(2);
}
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '127.0.0.1';

const app = new App({
  signingSecret,
  // A single-workspace app. With the bot's user and bot IDs given and token verification off, Bolt
  // never calls auth.test (not at start, not before a listener): the bot does the same in Java
  // (dev.revoketokenbot.slack.BotTokenContext). The token is never used.
  token: 'xoxb-bench',
  botId: 'B0BENCH',
  botUserId: 'U0BENCH',
  tokenVerificationEnabled: false,
  logLevel: LogLevel.WARN,
  customRoutes: [
    {
      path: '/health',
      method: ['GET'],
      handler: (req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('ok');
      },
    },
  ],
});

app.command('/revoke-token', async ({ command, ack }) => {
  await ack({ text: `Looking up \`${command.text.trim().split(/\s+/)[0]}\` in InfluxDB…` });
});

(async () => {
  await app.start({ port, host });
  console.log(`bolt-js peer listening on http://${host}:${port} (node ${process.version})`);
})();

// SIGTERM (how peers.sh stops it): close the server and exit.
process.on('SIGTERM', () => {
  app.stop().finally(() => process.exit(0));
});
