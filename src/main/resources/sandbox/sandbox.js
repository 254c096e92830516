// The sandbox page: a Slack channel for revoke-token-bot, and the InfluxDB beside it.
// It sends what Slack sends (a form-encoded slash command, a block_actions payload) to the bot's real
// /slack/events, signed as Slack signs: v0=HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + body).
// It renders the bot's messages from their Block Kit, and polls /sandbox/api/live for what changed.
'use strict';

(() => {
  const POLL_MILLIS = 600;
  const EMOJI = { lock: '🔒', no_entry: '⛔', warning: '⚠️', white_check_mark: '✅', x: '❌', hourglass: '⏳' };

  let setup = null;
  let live = { version: -1, timeline: [], tokens: [], calls: [] };
  let rendered = '';
  let onConfirmed = null;
  // The ack of a slash command is shown only to whoever ran it, as Slack shows it; the page keeps them.
  const acks = [];

  const byId = (id) => document.getElementById(id);

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Appends node to parent and returns it.
  function child(parent, node) {
    parent.append(node);
    return node;
  }

  function me() {
    return setup.people.find((p) => p.id === byId('user-picker').value);
  }

  function personName(id) {
    const person = setup.people.find((p) => p.id === id);
    return person ? person.name : id;
  }

  // ---- talking to the bot, as Slack does ----

  function hex(buffer) {
    return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
  }

  async function signed(body) {
    const timestamp = Math.floor(Date.now() / 1000).toString();
    const bytes = new TextEncoder();
    const key = await crypto.subtle.importKey(
      'raw', bytes.encode(setup.signingSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const mac = await crypto.subtle.sign('HMAC', key, bytes.encode(`v0:${timestamp}:${body}`));
    return fetch('/slack/events', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Slack-Request-Timestamp': timestamp,
        'X-Slack-Signature': `v0=${hex(mac)}`,
      },
      body,
    });
  }

  function randomId() {
    return hex(crypto.getRandomValues(new Uint8Array(12)));
  }

  function responseUrl(person) {
    return `${location.origin}/sandbox/slack/response/${person.id}/${randomId()}`;
  }

  function ack(person, text) {
    acks.push({ kind: 'ephemeral', to: person.id, text, at: new Date().toISOString() });
    render();
  }

  async function reportAnswer(person, answer) {
    if (!answer.ok) {
      ack(person, `The bot answered HTTP ${answer.status}.`);
      return;
    }
    const body = await answer.text();
    if (!body) return;
    let text = body;
    try {
      text = JSON.parse(body).text || '';
    } catch (notJson) {
      // Bolt answers some acks as plain text.
    }
    if (text) ack(person, text);
  }

  async function sendCommand(event) {
    event.preventDefault();
    const person = me();
    const input = byId('command-input');
    const line = input.value.trim();
    const match = /^(\/\S+)\s*([\s\S]*)$/.exec(line);
    if (!match || match[1] !== setup.command) {
      ack(person, `Only ${setup.command} is installed in this workspace. Try \`${setup.command} help\`.`);
      return;
    }
    input.value = `${setup.command} `;
    const form = new URLSearchParams({
      token: 'sandbox-verification-token',
      team_id: setup.teamId,
      team_domain: setup.teamDomain,
      channel_id: setup.channel.id,
      channel_name: setup.channel.name,
      user_id: person.id,
      user_name: person.name,
      command: setup.command,
      text: match[2],
      api_app_id: setup.appId,
      is_enterprise_install: 'false',
      response_url: responseUrl(person),
      trigger_id: `${Date.now()}.${randomId()}`,
    });
    await reportAnswer(person, await signed(form.toString()));
  }

  async function sendClick(entry, block, button) {
    const person = me();
    const payload = {
      type: 'block_actions',
      user: { id: person.id, username: person.name, name: person.name, team_id: setup.teamId },
      api_app_id: setup.appId,
      token: 'sandbox-verification-token',
      container: { type: 'message', message_ts: entry.ts, channel_id: setup.channel.id, is_ephemeral: false },
      trigger_id: `${Date.now()}.${randomId()}`,
      team: { id: setup.teamId, domain: setup.teamDomain },
      is_enterprise_install: false,
      channel: { id: setup.channel.id, name: setup.channel.name },
      message: { type: 'message', ts: entry.ts, text: entry.text || '', blocks: entry.blocks },
      state: { values: {} },
      response_url: responseUrl(person),
      actions: [{
        type: 'button',
        action_id: button.action_id,
        block_id: block.block_id,
        text: button.text,
        value: button.value,
        style: button.style,
        action_ts: (Date.now() / 1000).toFixed(6),
      }],
    };
    await reportAnswer(person, await signed(`payload=${encodeURIComponent(JSON.stringify(payload))}`));
  }

  function clicked(entry, block, button) {
    const go = () => sendClick(entry, block, button);
    if (button.confirm) openConfirm(button.confirm, go); else go();
  }

  // ---- Block Kit's confirmation dialog ----

  function openConfirm(confirm, yes) {
    byId('confirm-title').textContent = confirm.title ? confirm.title.text : 'Are you sure?';
    byId('confirm-text').replaceChildren(confirm.text ? textObject(confirm.text) : '');
    const yesButton = byId('confirm-yes');
    yesButton.textContent = confirm.confirm ? confirm.confirm.text : 'Yes';
    yesButton.className = confirm.style === 'danger' ? 'danger' : 'primary';
    byId('confirm-no').textContent = confirm.deny ? confirm.deny.text : 'Cancel';
    onConfirmed = yes;
    byId('confirm').hidden = false;
    yesButton.focus();
  }

  function closeConfirm() {
    byId('confirm').hidden = true;
    onConfirmed = null;
  }

  // ---- Slack's mrkdwn, built as DOM nodes (never as HTML) ----

  function entities(text) {
    return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }

  function emoji(text) {
    return text.replace(/:([a-z0-9_+-]+):/g, (all, name) => EMOJI[name] || all);
  }

  function plainText(parent, text) {
    text.split('\n').forEach((line, i) => {
      if (i > 0) parent.append(element('br'));
      if (line) parent.append(document.createTextNode(emoji(entities(line))));
    });
  }

  // *bold*, _italic_ and ~strike~ start and end at word boundaries, as in Slack.
  const STYLES = { '*': 'strong', _: 'em', '~': 's' };
  const STYLED = /(^|[^\w])([*_~])([^*_~\n]*[^\s*_~])\2(?![\w])/g;

  function formatted(parent, text) {
    let last = 0;
    for (const match of text.matchAll(STYLED)) {
      const start = match.index + match[1].length;
      plainText(parent, text.slice(last, start));
      const styled = element(STYLES[match[2]]);
      plainText(styled, match[3]);
      parent.append(styled);
      last = match.index + match[0].length;
    }
    plainText(parent, text.slice(last));
  }

  const DATE_PARTS = {
    date_num: (d) => d.toISOString().slice(0, 10),
    date: (d) => d.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' }),
    date_short: (d) => d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' }),
    date_long: (d) => d.toLocaleDateString(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }),
    time: (d) => d.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' }),
    time_secs: (d) => d.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit', second: '2-digit' }),
  };

  function pretty(part) {
    return (d) => {
      const days = Math.round((new Date(d).setHours(0, 0, 0, 0) - new Date().setHours(0, 0, 0, 0)) / 86400000);
      return { 0: 'Today', '-1': 'Yesterday', 1: 'Tomorrow' }[days] || DATE_PARTS[part](d);
    };
  }
  DATE_PARTS.date_pretty = pretty('date');
  DATE_PARTS.date_short_pretty = pretty('date_short');
  DATE_PARTS.date_long_pretty = pretty('date_long');

  // <@U123>, <#C123|name>, <!date^...|fallback>, <!here>, <https://...|label>
  function special(inside) {
    const [target, label] = inside.split('|', 2);
    if (target.startsWith('@')) return element('span', 'mention', `@${personName(target.slice(1))}`);
    if (target.startsWith('#')) {
      const id = target.slice(1);
      return element('span', 'mention', `#${label || (id === setup.channel.id ? setup.channel.name : id)}`);
    }
    if (target.startsWith('!date^')) {
      const [, seconds, format] = target.split('^');
      const when = new Date(Number(seconds) * 1000);
      const text = Number.isNaN(when.getTime())
        ? (label || '')
        : format.replace(/\{(\w+)\}/g, (all, part) => (DATE_PARTS[part] ? DATE_PARTS[part](when) : all));
      const time = element('time', 'date', text);
      if (!Number.isNaN(when.getTime())) time.dateTime = when.toISOString();
      return time;
    }
    if (target.startsWith('!')) return element('span', 'mention', `@${target.slice(1).split('^')[0]}`);
    if (/^https?:\/\//.test(target)) {
      const link = element('a', null, entities(label || target));
      link.href = entities(target);
      link.rel = 'noopener noreferrer';
      link.target = '_blank';
      return link;
    }
    return document.createTextNode(entities(label || target));
  }

  function inline(parent, text) {
    let last = 0;
    for (const match of text.matchAll(/<([^<>]*)>/g)) {
      formatted(parent, text.slice(last, match.index));
      parent.append(special(match[1]));
      last = match.index + match[0].length;
    }
    formatted(parent, text.slice(last));
  }

  function mrkdwn(text) {
    const out = element('span', 'mrkdwn');
    text.split(/(`[^`\n]*`)/).forEach((part) => {
      if (part.length > 1 && part.startsWith('`') && part.endsWith('`')) {
        out.append(element('code', null, entities(part.slice(1, -1))));
      } else {
        inline(out, part);
      }
    });
    return out;
  }

  function textObject(object) {
    if (object.type === 'mrkdwn') return mrkdwn(object.text);
    const out = element('span');
    plainText(out, object.text);
    return out;
  }

  // ---- Block Kit ----

  function buttonElement(entry, block, button) {
    const node = element('button', `bk-button ${button.style || ''}`.trim(), button.text.text);
    node.type = 'button';
    node.dataset.actionId = button.action_id;
    if (entry.kind === 'message') node.addEventListener('click', () => clicked(entry, block, button));
    else node.disabled = true;
    return node;
  }

  function blockElement(entry, block) {
    switch (block.type) {
      case 'header':
        return element('div', 'bk-header', block.text.text);
      case 'section': {
        const section = element('div', 'bk-section');
        if (block.text) child(section, element('div', 'bk-text')).append(textObject(block.text));
        if (block.fields) {
          const fields = element('div', 'bk-fields');
          block.fields.forEach((field) => child(fields, element('div', 'bk-field')).append(textObject(field)));
          section.append(fields);
        }
        if (block.accessory && block.accessory.type === 'button') {
          section.append(buttonElement(entry, block, block.accessory));
        }
        return section;
      }
      case 'context': {
        const context = element('div', 'bk-context');
        block.elements.forEach((item) => context.append(item.type === 'image'
          ? element('span', 'bk-image', item.alt_text)
          : textObject(item)));
        return context;
      }
      case 'actions': {
        const actions = element('div', 'bk-actions');
        block.elements.filter((item) => item.type === 'button')
          .forEach((button) => actions.append(buttonElement(entry, block, button)));
        return actions;
      }
      case 'divider':
        return element('hr', 'bk-divider');
      default:
        return element('div', 'bk-unknown', `[a ${block.type} block, which this page does not draw]`);
    }
  }

  // ---- the channel ----

  function when(at) {
    return new Date(at).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
  }

  function messageElement(entry) {
    const ephemeral = entry.kind === 'ephemeral';
    const message = element('article', ephemeral ? 'message ephemeral' : 'message');
    message.dataset.testid = 'message';
    if (entry.ts) message.dataset.ts = entry.ts;
    message.append(element('div', 'avatar', 'R'));
    const body = element('div', 'body');
    const meta = element('div', 'meta');
    meta.append(element('span', 'author', 'revoke-token-bot'), element('span', 'app', 'APP'),
      element('span', 'time', when(entry.at)));
    if (entry.edited) meta.append(element('span', 'edited', '(edited)'));
    body.append(meta);
    if (Array.isArray(entry.blocks) && entry.blocks.length > 0) {
      entry.blocks.forEach((block) => body.append(blockElement(entry, block)));
    } else {
      child(body, element('div', 'bk-text')).append(mrkdwn(entry.text || ''));
    }
    if (ephemeral) body.append(element('div', 'only-you', 'Only visible to you'));
    message.append(body);
    return message;
  }

  function renderChannel() {
    const person = me();
    const timeline = byId('timeline');
    const nearBottom = timeline.scrollHeight - timeline.scrollTop - timeline.clientHeight < 80;
    const entries = live.timeline.concat(acks)
      .filter((entry) => entry.kind === 'message' || entry.to === person.id)
      .map((entry, order) => ({ entry, order }))
      .sort((a, b) => (Date.parse(a.entry.at) - Date.parse(b.entry.at)) || (a.order - b.order))
      .map(({ entry }) => messageElement(entry));
    if (entries.length === 0) {
      entries.push(element('p', 'empty', `Nothing in #${setup.channel.name} yet. Ask the bot to revoke a token.`));
    }
    timeline.replaceChildren(...entries);
    if (nearBottom) timeline.scrollTop = timeline.scrollHeight;
  }

  function renderInflux() {
    byId('tokens').replaceChildren(...live.tokens.map((token) => {
      const item = element('li', `token ${token.status}`);
      item.dataset.testid = 'influx-token';
      item.dataset.id = token.id;
      item.dataset.status = token.status;
      const head = element('div', 'token-head');
      head.append(element('code', null, token.id), element('span', `status ${token.status}`, token.status));
      const pick = element('button', 'quiet', 'Ask to revoke');
      pick.type = 'button';
      pick.addEventListener('click', () => {
        const input = byId('command-input');
        input.value = `${setup.command} ${token.id} --reason `;
        input.focus();
      });
      item.append(head, element('div', 'description', token.description),
        element('div', 'owner', `user ${token.user} · org ${token.org}`), pick);
      return item;
    }));
    if (live.tokens.length === 0) byId('tokens').append(element('li', 'empty', 'No authorizations left.'));
    byId('calls').replaceChildren(...live.calls.map((call) => {
      const item = element('li', call.status >= 400 ? 'failed' : '');
      item.append(element('span', 'method', call.method), element('code', null, call.target),
        element('span', 'status-code', String(call.status)));
      return item;
    }));
  }

  function render() {
    const key = `${live.version}/${byId('user-picker').value}/${acks.length}`;
    if (key === rendered) return;
    rendered = key;
    renderChannel();
    renderInflux();
  }

  async function poll() {
    try {
      const answer = await fetch('/sandbox/api/live', { cache: 'no-store' });
      if (answer.ok) {
        live = await answer.json();
        render();
      }
    } catch (restarting) {
      // In dev mode the bot restarts when its code changes: try again at the next poll.
    }
    setTimeout(poll, POLL_MILLIS);
  }

  async function startOver() {
    acks.length = 0;
    await fetch('/sandbox/api/start-over', { method: 'POST' });
    rendered = '';
  }

  async function start() {
    if (!window.crypto || !crypto.subtle) {
      byId('timeline').replaceChildren(element('p', 'empty',
        'This browser only signs requests on a secure page: open the sandbox at http://localhost:<port>/sandbox.'));
      return;
    }
    setup = await (await fetch('/sandbox/api/setup')).json();
    byId('channel-name').textContent = `# ${setup.channel.name}`;
    const picker = byId('user-picker');
    setup.people.forEach((person) => {
      const option = element('option', null, `${person.name} (${person.role})`);
      option.value = person.id;
      picker.append(option);
    });
    picker.addEventListener('change', render);
    byId('composer').addEventListener('submit', sendCommand);
    byId('start-over').addEventListener('click', startOver);
    byId('confirm-no').addEventListener('click', closeConfirm);
    byId('confirm-yes').addEventListener('click', () => {
      const yes = onConfirmed;
      closeConfirm();
      if (yes) yes();
    });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !byId('confirm').hidden) closeConfirm();
    });
    poll();
  }

  start();
})();
