import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load driver for revoke-token-bot (see src/bench/README.md). Sends signed {@code /revoke-token}
 * slash commands and Revoke clicks to {@code POST /slack/events} at a fixed concurrency, measures
 * each ack (time to the HTTP response), and checks in the WireMock journals that every follow-up
 * (request message, message update, audit message, InfluxDB GETs and DELETE) arrived. Reports what
 * the service's request ledger cost per transaction, from its {@code revoke_ledger_seconds} timer.
 *
 * <p>With {@code --ack-only true} it sends commands only and times their acks, against any app that
 * acks {@code /revoke-token} (the bot, or a peer of src/bench/peers/ that posts nothing to Slack):
 * no clicks, no ledger, no diagnostics; see {@link #runAckOnly}.
 *
 * <p>Java 17, no dependencies: {@code java src/bench/LoadDriver.java --help}. Linux only (reads /proc).
 */
public class LoadDriver {

    static final String USAGE = "usage: java src/bench/LoadDriver.java --service URL --slack URL --influx URL"
            + " --pid PID --secret SECRET\n"
            + "  [--scenario NAME] [--concurrency 10] [--rate REQUESTS_PER_S] [--commands 2000] [--rounds 1]\n"
            + "  [--warmup 1000] [--warmup-rounds 1] [--slow-ids false] [--follow-up-deadline 120] [--jvm-flags TEXT]\n"
            + "  [--other-pids NAME=PID,...] [--diagnostics DIR] [--data-dir DIR] [--ready-path /q/health/ready]\n"
            + "  or, acks only: --ack-only true --service URL --pid PID --secret SECRET [--slack URL --influx URL]\n"
            + "  [--ready-path /q/health/ready] [--scenario NAME] [--concurrency 10] [--rate REQUESTS_PER_S]\n"
            + "  [--commands 2000] [--rounds 1] [--warmup 1000] [--warmup-rounds 1] [--jvm-flags TEXT]\n"
            + "  [--other-pids NAME=PID,...]\n"
            + "--ack-only true: signed /revoke-token commands only (warm-up rounds of --warmup, then --commands),\n"
            + "  each ack timed and checked (HTTP 200 with \"Looking up\" in the body, within 3 s); no clicks, no\n"
            + "  ledger, no heap diagnostics. For any app that acks /revoke-token, also one that posts nothing to\n"
            + "  Slack. With --slack (and --influx), each round first resets their journals and, after its acks,\n"
            + "  waits (untimed) until the Slack stand-in has one request message per command, so the bot's\n"
            + "  follow-ups never pile up from round to round. Ends with a line starting \"ack-only result:\".\n"
            + "--ready-path: the service's path polled until it answers 200 before anything is sent.";

    static final String CHANNEL = "CBENCH";
    static final String REQUESTER = "UREQ";
    static final String APPROVER = "UAPPROVER1";
    static final String REVOKE_ACTION = "revoke_token.revoke";
    static final String BUTTONS_BLOCK = "revoke_token.buttons:";
    /** What the chat.postMessage stub answers as the message's ts; a click names its message by it. */
    static final String MESSAGE_TS = "1700000000.000100";
    /** Slack gives up on an ack after 3 s; a slower ack counts as an error. */
    static final long SLACK_ACK_LIMIT_MS = 3000;
    /**
     * Ledger operations a Revoke click makes (RequestDecisions.decide, OutboxDelivery.deliverNow): read
     * the request, hold it, close it with its decision and deliveries (held for the clicking thread),
     * then mark the delivered ones; "record" is a refused click's decision. Retries of a delivery by
     * the outbox poller (claim_delivery, update_delivery) land here too.
     */
    static final List<String> CLICK_OPERATIONS = List.of("find", "move", "record", "claim_delivery", "update_delivery");
    /**
     * Ledger operations a command makes once its token is found (RequestOpening):
     * open the request, note its message.
     */
    static final List<String> COMMAND_OPERATIONS = List.of("open", "posted");
    /** USER_HZ, the unit of /proc CPU times, is 100 on Linux. */
    static final long MILLIS_PER_TICK = 10;

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    final String scenario;
    final URI service;
    final URI slack;
    final URI influx;
    final long pid;
    final String secret;
    final int concurrency;
    /** Requests per second in a phase, or 0: each worker sends its next request as soon as its last is answered. */
    final double rate;
    final int commands;
    final int rounds;
    final int warmup;
    /** Warm-up rounds of {@link #warmup} commands + clicks, so the JIT has compiled the hot paths before measuring. */
    final int warmupRounds;
    /** Use "fff..." authorization IDs, which the InfluxDB stubs answer after 10 s. */
    final boolean slowIds;
    final Duration followUpDeadline;
    final String jvmFlags;
    /** Other processes whose CPU time the summary shows (the WireMocks). */
    final Map<String, Long> otherPids = new LinkedHashMap<>();
    final Path diagnostics;
    /** The service's REVOKE_DATA_DIR, where its embedded ledger keeps its file; null when not given. */
    final Path dataDir;
    /** Commands only, acks only ({@link #runAckOnly}); --slack and --influx become optional. */
    final boolean ackOnly;
    /** Polled on the service until it answers 200, before anything is sent. */
    final String readyPath;

    /** Every authorization ID in a run is new. */
    final AtomicLong nextId = new AtomicLong(1);
    final Errors errors = new Errors();

    LoadDriver(Map<String, String> o) {
        scenario = o.getOrDefault("scenario", "adhoc");
        ackOnly = Boolean.parseBoolean(o.getOrDefault("ack-only", "false"));
        readyPath = o.getOrDefault("ready-path", "/q/health/ready");
        service = URI.create(required(o, "service"));
        slack = ackOnly && !o.containsKey("slack") ? null : URI.create(required(o, "slack"));
        influx = ackOnly && !o.containsKey("influx") ? null : URI.create(required(o, "influx"));
        pid = Long.parseLong(required(o, "pid"));
        secret = required(o, "secret");
        concurrency = Integer.parseInt(o.getOrDefault("concurrency", "10"));
        rate = Double.parseDouble(o.getOrDefault("rate", "0"));
        commands = Integer.parseInt(o.getOrDefault("commands", "2000"));
        rounds = Integer.parseInt(o.getOrDefault("rounds", "1"));
        warmup = Integer.parseInt(o.getOrDefault("warmup", "1000"));
        warmupRounds = Integer.parseInt(o.getOrDefault("warmup-rounds", "1"));
        slowIds = Boolean.parseBoolean(o.getOrDefault("slow-ids", "false"));
        followUpDeadline = Duration.ofSeconds(Long.parseLong(o.getOrDefault("follow-up-deadline", "120")));
        jvmFlags = o.getOrDefault("jvm-flags", "(not given)");
        for (String named : o.getOrDefault("other-pids", "").split(",")) {
            int eq = named.indexOf('=');
            if (eq > 0) {
                otherPids.put(named.substring(0, eq), Long.parseLong(named.substring(eq + 1)));
            }
        }
        diagnostics = o.containsKey("diagnostics") ? Path.of(o.get("diagnostics")) : null;
        dataDir = o.containsKey("data-dir") ? Path.of(o.get("data-dir")) : null;
        if (commands % rounds != 0) {
            throw new IllegalArgumentException("--commands must be a multiple of --rounds");
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || args[i].equals("--help") || i + 1 >= args.length) {
                System.err.println(USAGE);
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]); // a later option wins
        }
        boolean clean = new LoadDriver(options).run();
        System.exit(clean ? 0 : 1);
    }

    // ---------------------------------------------------------------------------------------------
    // The run

    boolean run() throws Exception {
        if (ackOnly) {
            return runAckOnly();
        }
        waitReady(Duration.ofSeconds(120));
        String loadBefore = loadAverage();
        long rssStart = procStatus("VmRSS");

        long warmStart = System.nanoTime();
        boolean warmDelivered = true;
        for (int r = 1; r <= warmupRounds; r++) {
            warmDelivered &= round("warm-up " + r, warmup, false).followUpsDelivered();
        }
        System.out.printf(
                Locale.ROOT,
                "warm-up: %d x (%d commands + %d clicks) in %.1f s, follow-ups %s%n",
                warmupRounds,
                warmup,
                warmup,
                seconds(System.nanoTime() - warmStart),
                warmDelivered ? "all delivered" : "MISSING");
        long rssAfterWarmup = procStatus("VmRSS");
        if (diagnostics != null) {
            Files.createDirectories(diagnostics);
            jcmdQuietly("VM.native_memory", "baseline"); // only when the JVM runs with -XX:NativeMemoryTracking
        }

        LedgerCost ledgerStart = LedgerCost.read(service);
        CpuMeter cpu = new CpuMeter();
        Phase commandPhase = new Phase("commands", Phase.COMMAND_ACK);
        Phase clickPhase = new Phase("clicks", Phase.CLICK_ACK);
        List<Round> done = new ArrayList<>();
        LedgerCost roundStart = ledgerStart;
        for (int r = 1; r <= rounds; r++) {
            Round round = round("round " + r, commands / rounds, slowIds);
            done.add(round);
            commandPhase.add(round.commands);
            clickPhase.add(round.clicks);
            if (rounds > 1) {
                LedgerCost roundEnd = LedgerCost.read(service);
                System.out.printf(
                        Locale.ROOT,
                        "round %2d/%d: ack p50/p99 ms commands %.1f/%.1f, clicks %.1f/%.1f; follow-ups %s; ledger %s ms"
                                + " per decision; RSS %.1f MiB%n",
                        r,
                        rounds,
                        round.commands.percentile(50),
                        round.commands.percentile(99),
                        round.clicks.percentile(50),
                        round.clicks.percentile(99),
                        round.followUpsDelivered() ? "all delivered" : "MISSING",
                        LedgerCost.perClickText(roundStart, roundEnd, round.clicks.size()),
                        procStatus("VmRSS") / 1024.0);
                roundStart = roundEnd;
            }
        }
        String cpuLine = cpu.report();
        LedgerCost ledgerEnd = LedgerCost.read(service);
        long rssEnd = procStatus("VmRSS");
        long rssPeak = procStatus("VmHWM");
        long threads = procStatus("Threads");
        String afterGc = afterFullGc();

        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "== %s: %d commands + %d clicks at concurrency %d (%d round%s of %d), after a warm-up of %d x (%d + %d)%n",
                scenario,
                commands,
                commands,
                concurrency,
                rounds,
                rounds == 1 ? "" : "s",
                commands / rounds,
                warmupRounds,
                warmup,
                warmup));
        if (rate > 0) {
            s.append(String.format(
                    Locale.ROOT, "paced: %.0f requests/s per phase, latency counted from when each was due%n", rate));
        }
        s.append("JVM flags: ").append(jvmFlags).append('\n');
        s.append(String.format(
                "%-9s %7s %7s %8s %8s %8s %10s%n", "ack", "n", "errors", "p50 ms", "p99 ms", "max ms", "req/s"));
        s.append(commandPhase.line()).append('\n');
        s.append(clickPhase.line()).append('\n');
        s.append(String.format(
                Locale.ROOT,
                "throughput: %.0f acks/s over both phases%n",
                2.0 * commands / seconds(commandPhase.wallNanos + clickPhase.wallNanos)));
        s.append(String.format(
                Locale.ROOT,
                "follow-ups delivered/expected: request messages %d/%d, message updates %d/%d, audit messages %d/%d,"
                        + " InfluxDB GET %d/%d, DELETE %d/%d; ephemeral error replies %d (expected 0)%n",
                sum(done, r -> r.requestMessages),
                commands,
                sum(done, r -> r.updates),
                commands,
                sum(done, r -> r.auditMessages),
                commands,
                sum(done, r -> r.influxGets),
                2L * commands,
                sum(done, r -> r.influxDeletes),
                commands,
                sum(done, r -> r.ephemerals)));
        s.append(String.format(
                Locale.ROOT,
                "follow-up drain (slowest round): last request message %.1f s after the last command ack,"
                        + " last click follow-up %.1f s after the last click ack%n",
                done.stream().mapToDouble(r -> r.requestDrainSeconds).max().orElse(0),
                done.stream().mapToDouble(r -> r.clickDrainSeconds).max().orElse(0)));
        s.append(String.format(
                Locale.ROOT,
                "RSS: start %.1f MiB, after warm-up %.1f MiB, end %.1f MiB, peak (VmHWM) %.1f MiB; %d threads%n",
                rssStart / 1024.0,
                rssAfterWarmup / 1024.0,
                rssEnd / 1024.0,
                rssPeak / 1024.0,
                threads));
        s.append(afterGc).append('\n');
        s.append(cpuLine).append('\n');
        s.append(LedgerCost.report(
                ledgerStart, ledgerEnd, sum(done, r -> r.clicks.size()), sum(done, r -> r.commands.size())));
        s.append(ledgerFiles());
        s.append(String.format(
                Locale.ROOT,
                "load average (1/5/15 min) before the run: %s; after: %s%n",
                loadBefore,
                loadAverage()));
        // Warm-up errors count too: they are in the same list.
        s.append("errors: ").append(errors.total());
        errors.sorted().forEach((kind, count) -> s.append("\n  ").append(count).append(" x ").append(kind));
        s.append('\n').append("result: ").append(errors.total() == 0 ? "clean" : "ERRORS").append('\n');
        System.out.print(s);
        return errors.total() == 0;
    }

    /**
     * {@code --ack-only true}: warm-up rounds of commands, then the measured ones; prints the
     * commands' ack latencies, throughput, the process's RSS and CPU, and one machine-readable line
     * ("ack-only result: key=value ...", read by src/bench/peers.sh).
     */
    boolean runAckOnly() throws Exception {
        waitReady(Duration.ofSeconds(120));
        String loadBefore = loadAverage();
        long rssStart = procStatus("VmRSS");

        long warmStart = System.nanoTime();
        for (int r = 1; r <= warmupRounds; r++) {
            ackRound("warm-up " + r, warmup);
        }
        System.out.printf(
                Locale.ROOT,
                "warm-up: %d x %d commands in %.1f s%n",
                warmupRounds,
                warmup,
                seconds(System.nanoTime() - warmStart));
        long rssAfterWarmup = procStatus("VmRSS");

        CpuMeter cpu = new CpuMeter();
        Phase commandPhase = new Phase("commands", Phase.COMMAND_ACK);
        long requestMessages = 0;
        for (int r = 1; r <= rounds; r++) {
            Round round = ackRound("round " + r, commands / rounds);
            commandPhase.add(round.commands);
            requestMessages += round.requestMessages;
        }
        String cpuLine = cpu.report();
        long rssEnd = procStatus("VmRSS");
        long rssPeak = procStatus("VmHWM");
        long threads = procStatus("Threads");

        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "== %s: %d commands at concurrency %d (%d round%s of %d), acks only, after a warm-up of %d x %d"
                        + " commands%n",
                scenario,
                commands,
                concurrency,
                rounds,
                rounds == 1 ? "" : "s",
                commands / rounds,
                warmupRounds,
                warmup));
        if (rate > 0) {
            s.append(String.format(
                    Locale.ROOT, "paced: %.0f requests/s, latency counted from when each was due%n", rate));
        }
        s.append("process flags: ").append(jvmFlags).append('\n');
        s.append(String.format(
                "%-9s %7s %7s %8s %8s %8s %10s%n", "ack", "n", "errors", "p50 ms", "p99 ms", "max ms", "req/s"));
        s.append(commandPhase.line()).append('\n');
        if (slack != null) {
            s.append(String.format(
                    Locale.ROOT,
                    "request messages delivered/expected (waited for after each round's acks, untimed): %d/%d%n",
                    requestMessages,
                    commands));
        }
        s.append(String.format(
                Locale.ROOT,
                "RSS: start %.1f MiB, after warm-up %.1f MiB, end %.1f MiB, peak (VmHWM) %.1f MiB; %d threads%n",
                rssStart / 1024.0,
                rssAfterWarmup / 1024.0,
                rssEnd / 1024.0,
                rssPeak / 1024.0,
                threads));
        s.append(cpuLine).append('\n');
        s.append(String.format(
                Locale.ROOT,
                "load average (1/5/15 min) before the run: %s; after: %s%n",
                loadBefore,
                loadAverage()));
        s.append("errors: ").append(errors.total());
        errors.sorted().forEach((kind, count) -> s.append("\n  ").append(count).append(" x ").append(kind));
        s.append('\n').append("result: ").append(errors.total() == 0 ? "clean" : "ERRORS").append('\n');
        s.append(String.format(
                Locale.ROOT,
                "ack-only result: n=%d errors=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f req_per_s=%.0f"
                        + " rss_start_mib=%.1f rss_end_mib=%.1f rss_peak_mib=%.1f threads=%d cpu_ms_per_command=%.3f%n",
                commandPhase.size(),
                errors.total(),
                commandPhase.percentile(50),
                commandPhase.percentile(99),
                commandPhase.percentile(100),
                commandPhase.size() / seconds(commandPhase.wallNanos),
                rssStart / 1024.0,
                rssEnd / 1024.0,
                rssPeak / 1024.0,
                threads,
                (double) cpu.serviceMillis / commands));
        System.out.print(s);
        return errors.total() == 0;
    }

    /**
     * One round of {@code --ack-only}: {@code n} commands. With --slack, the journals are reset first,
     * and the round ends when the Slack stand-in has n request messages (the bot's follow-ups are done).
     */
    Round ackRound(String name, int n) throws Exception {
        if (slack != null) {
            admin(slack, "DELETE", "/__admin/requests", null);
        }
        if (influx != null) {
            admin(influx, "DELETE", "/__admin/requests", null);
        }
        Round round = new Round(name, n);
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = String.format("%016x", nextId.getAndIncrement());
        }
        String tag = name.replace(' ', '-');
        runPhase(round.commands, n, i -> command(ids[i], tag + "-command-" + i));
        if (slack != null) {
            // A command that failed (already counted as an error) may post nothing: wait for the others.
            long expected = n - round.commands.errors.get();
            round.requestMessages = awaitCount(slack, "POST", "/api/chat.postMessage", expected);
            if (round.requestMessages != expected) {
                errors.add(name + ": " + round.requestMessages + " request messages, expected " + expected);
            }
        }
        return round;
    }

    /**
     * One round: {@code n} commands, wait for their request messages, {@code n} clicks on them, wait
     * for every follow-up. The journals are reset first, so they only ever hold one round.
     */
    Round round(String name, int n, boolean slow) throws Exception {
        admin(slack, "DELETE", "/__admin/requests", null);
        admin(influx, "DELETE", "/__admin/requests", null);
        Round round = new Round(name, n);

        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            long id = nextId.getAndIncrement();
            ids[i] = slow ? String.format("fff%013x", id) : String.format("%016x", id);
        }
        String tag = name.replace(' ', '-');
        runPhase(round.commands, n, i -> command(ids[i], tag + "-command-" + i));
        if (round.commands.errors.get() > 0) {
            // Commands turned away or failed never post a request message: there is nothing to click.
            errors.add(name + ": " + round.commands.errors.get() + " command acks failed; round stopped");
            return round;
        }

        long drainStart = System.nanoTime();
        round.requestMessages = awaitCount(slack, "POST", "/api/chat.postMessage", n);
        round.requestDrainSeconds = seconds(System.nanoTime() - drainStart);
        List<RequestMessage> messages = requestMessages();
        if (messages.size() != n) {
            errors.add(name + ": " + messages.size() + " request messages with a Revoke button, expected " + n);
        }

        runPhase(round.clicks, messages.size(), i -> click(messages.get(i), tag + "-click-" + i));

        drainStart = System.nanoTime();
        round.updates = awaitCount(slack, "POST", "/api/chat.update", n);
        // The request messages plus one audit message per revocation.
        round.auditMessages = awaitCount(slack, "POST", "/api/chat.postMessage", 2L * n) - round.requestMessages;
        // Two GETs per token: the command's lookup, and the click's read-back after its DELETE (404: revoked).
        round.influxGets = awaitCount(influx, "GET", null, 2L * n);
        round.influxDeletes = awaitCount(influx, "DELETE", null, n);
        round.clickDrainSeconds = seconds(System.nanoTime() - drainStart);

        // Nothing more should come: count again after a pause, to catch duplicates and ephemeral error replies.
        Thread.sleep(500);
        round.ephemerals = count(slack, "POST", "/response/.*");
        long posts = count(slack, "POST", "/api/chat.postMessage");
        long updates = count(slack, "POST", "/api/chat.update");
        if (round.ephemerals != 0) {
            errors.add(name + ": " + round.ephemerals + " ephemeral replies (errors told to users)");
        }
        if (posts != 2L * n || updates != n) {
            errors.add(name + ": " + posts + " chat.postMessage (expected " + 2L * n + "), " + updates
                    + " chat.update (expected " + n + ")");
        }
        long gets = count(influx, "GET", null);
        long deletes = count(influx, "DELETE", null);
        if (gets != 2L * n || deletes != n) {
            errors.add(name + ": " + gets + " InfluxDB GETs (expected " + 2L * n + "), " + deletes
                    + " DELETEs (expected " + n + ")");
        }
        if (!round.followUpsDelivered()) {
            errors.add(name + ": follow-ups missing: " + round);
        }
        return round;
    }

    /**
     * Sends {@code n} requests from {@code concurrency} workers, each sending its next one when its
     * last was answered. With {@code --rate}, request i is due at start + i/rate instead, and its
     * latency counts from when it was due (so time spent waiting for a free worker counts too).
     */
    void runPhase(Phase phase, int n, IntFunction<SignedRequest> request) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.execute(() -> {
                try (Connection connection = new Connection(service)) {
                    work(phase, n, request, next, start, connection);
                }
            });
        }
        workers.shutdown();
        if (!workers.awaitTermination(30, TimeUnit.MINUTES)) {
            workers.shutdownNow();
            errors.add(phase.name + ": phase did not finish within 30 minutes");
        }
        phase.wallNanos += System.nanoTime() - start;
    }

    /** One worker: takes the next request number until there are none left, sending each on its connection. */
    private void work(
            Phase phase, int n, IntFunction<SignedRequest> request, AtomicInteger next, long start, Connection connection) {
        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            SignedRequest req = request.apply(i);
            long t0 = System.nanoTime();
            if (rate > 0) {
                long due = start + (long) (i * 1e9 / rate);
                while (t0 < due) {
                    LockSupport.parkNanos(due - t0);
                    t0 = System.nanoTime();
                }
                t0 = due;
            }
            try {
                Reply reply = connection.post(req);
                long nanos = System.nanoTime() - t0;
                phase.record(nanos);
                if (reply.status() != 200) {
                    phase.errors.incrementAndGet();
                    errors.add(phase.name + ": HTTP " + reply.status());
                } else if (!reply.body().contains(phase.expectedAck)) {
                    // e.g. "too much work waiting": the service turned the command away
                    phase.errors.incrementAndGet();
                    errors.add(phase.name + ": unexpected ack " + reply.body());
                } else if (nanos / 1_000_000 > SLACK_ACK_LIMIT_MS) {
                    phase.errors.incrementAndGet();
                    errors.add(phase.name + ": ack slower than Slack's 3 s");
                }
            } catch (IOException e) {
                phase.record(System.nanoTime() - t0);
                phase.errors.incrementAndGet();
                errors.add(phase.name + ": " + e.getClass().getSimpleName());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Slack's requests, shaped and signed as src/test/java/dev/revoketokenbot/support/SlackRequests.java does

    SignedRequest command(String authorizationId, String responseName) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", "T0BENCH");
        form.put("team_domain", "bench");
        form.put("channel_id", CHANNEL);
        form.put("channel_name", "incident");
        form.put("user_id", REQUESTER);
        form.put("user_name", "ureq");
        form.put("command", "/revoke-token");
        form.put("text", authorizationId + " --reason benchmark run");
        form.put("api_app_id", "A0BENCH");
        form.put("is_enterprise_install", "false");
        // (--ack-only without --slack: a response_url nobody listens on; a peer never uses it)
        URI responses = slack != null ? slack : URI.create("http://127.0.0.1:9/");
        form.put("response_url", responses.resolve("/response/" + responseName).toString());
        form.put("trigger_id", "1.2.3");
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(encode(k))
                .append('=')
                .append(encode(v)));
        return signed(body.toString());
    }

    /** A block_actions click on the request message's Revoke button, by an approver who is not the requester. */
    SignedRequest click(RequestMessage message, String responseName) {
        String payload = "{\"type\":\"block_actions\","
                + "\"team\":{\"id\":\"T0BENCH\",\"domain\":\"bench\"},"
                + "\"user\":{\"id\":" + json(APPROVER) + ",\"username\":\"uapprover1\",\"team_id\":\"T0BENCH\"},"
                + "\"api_app_id\":\"A0BENCH\",\"token\":\"legacy-verification-token\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":" + json(message.ts())
                + ",\"channel_id\":" + json(message.channel()) + ",\"is_ephemeral\":false},"
                + "\"trigger_id\":\"1.2.4\","
                + "\"channel\":{\"id\":" + json(message.channel()) + ",\"name\":\"incident\"},"
                + "\"message\":{\"type\":\"message\",\"ts\":" + json(message.ts()) + ",\"text\":\"Revoke request\"},"
                + "\"response_url\":" + json(slack.resolve("/response/" + responseName).toString()) + ","
                + "\"actions\":[{\"type\":\"button\",\"action_id\":" + json(REVOKE_ACTION)
                + ",\"block_id\":" + json(message.blockId())
                + ",\"text\":{\"type\":\"plain_text\",\"text\":\"Revoke\",\"emoji\":true},"
                + "\"value\":" + json(message.value()) + ",\"action_ts\":\"1700000100.000200\"}]}";
        return signed("payload=" + encode(payload));
    }

    /** {@code X-Slack-Signature: v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))}. */
    SignedRequest signed(String body) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return new SignedRequest(body, timestamp, "v0=" + HexFormat.of().formatHex(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A form body with Slack's signature headers, ready to POST to /slack/events. */
    record SignedRequest(String body, String timestamp, String signature) {}

    /** The service's answer: its status and body (the ack's text, for commands). */
    record Reply(int status, String body) {}

    /**
     * One worker's keep-alive HTTP/1.1 connection to the service. A bare socket rather than
     * java.net.http: the driver shares the CPUs with the service, and the JDK client spent about
     * 2 ms of CPU per request, which the service's acks then queued behind.
     */
    static final class Connection implements AutoCloseable {
        private final URI service;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        Connection(URI service) {
            this.service = service;
        }

        /** POSTs the request to /slack/events and reads the whole answer. */
        Reply post(SignedRequest request) throws IOException {
            if (socket == null) {
                socket = new Socket(service.getHost(), service.getPort());
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(10_000);
                out = new BufferedOutputStream(socket.getOutputStream());
                in = new BufferedInputStream(socket.getInputStream());
            }
            byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
            String head = "POST /slack/events HTTP/1.1\r\n"
                    + "Host: " + service.getHost() + ":" + service.getPort() + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "X-Slack-Request-Timestamp: " + request.timestamp() + "\r\n"
                    + "X-Slack-Signature: " + request.signature() + "\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n";
            try {
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                return readResponse();
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        private Reply readResponse() throws IOException {
            String status = line();
            int code = Integer.parseInt(status.split(" ")[1]);
            long length = 0;
            boolean chunked = false;
            boolean closes = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closes = true;
                }
            }
            StringBuilder body = new StringBuilder();
            if (chunked) {
                for (long chunk = Long.parseLong(line().trim(), 16); chunk > 0; chunk = Long.parseLong(line().trim(), 16)) {
                    body.append(read(chunk));
                    line();
                }
                line();
            } else {
                body.append(read(length));
            }
            if (closes) {
                close();
            }
            return new Reply(code, body.toString());
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("connection closed by the service");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private String read(long bytes) throws IOException {
            byte[] read = in.readNBytes((int) bytes);
            if (read.length < bytes) {
                throw new EOFException("connection closed by the service");
            }
            return new String(read, StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    /** What a click needs from a request message the bot posted. */
    record RequestMessage(String channel, String ts, String blockId, String value) {}

    /**
     * The request messages in the Slack journal: each one's channel, and the block ID and value of its
     * Revoke button, read from the {@code blocks} form parameter of chat.postMessage.
     */
    @SuppressWarnings("unchecked")
    List<RequestMessage> requestMessages() throws Exception {
        String found = admin(
                slack, "POST", "/__admin/requests/find", "{\"method\":\"POST\",\"url\":\"/api/chat.postMessage\"}");
        List<Object> requests = (List<Object>) ((Map<String, Object>) Json.parse(found)).get("requests");
        List<RequestMessage> messages = new ArrayList<>();
        for (Object logged : requests) {
            Map<String, String> form = parseForm((String) ((Map<String, Object>) logged).get("body"));
            if (form.get("blocks") == null) {
                continue;
            }
            for (Object block : (List<Object>) Json.parse(form.get("blocks"))) {
                Map<String, Object> b = (Map<String, Object>) block;
                String blockId = (String) b.get("block_id");
                if (!"actions".equals(b.get("type")) || blockId == null || !blockId.startsWith(BUTTONS_BLOCK)) {
                    continue;
                }
                for (Object element : (List<Object>) b.get("elements")) {
                    Map<String, Object> e = (Map<String, Object>) element;
                    if (REVOKE_ACTION.equals(e.get("action_id"))) {
                        messages.add(new RequestMessage(form.get("channel"), MESSAGE_TS, blockId, (String) e.get("value")));
                    }
                }
            }
        }
        return messages;
    }

    // ---------------------------------------------------------------------------------------------
    // WireMock's admin API

    /** Polls the journal until {@code expected} requests match or the deadline passes; returns the last count. */
    long awaitCount(URI server, String method, String urlPattern, long expected) throws Exception {
        long deadline = System.nanoTime() + followUpDeadline.toNanos();
        long seen = count(server, method, urlPattern);
        while (seen < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            seen = count(server, method, urlPattern);
        }
        return seen;
    }

    long count(URI server, String method, String urlPattern) throws Exception {
        String pattern = urlPattern == null ? "" : ",\"urlPattern\":" + json(urlPattern);
        String answer = admin(server, "POST", "/__admin/requests/count", "{\"method\":" + json(method) + pattern + "}");
        return ((Number) ((Map<?, ?>) Json.parse(answer)).get("count")).longValue();
    }

    static String admin(URI server, String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + server.resolve(path) + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    /** Waits until both WireMocks answer and the service is ready; fails at once if the service process died. */
    void waitReady(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        List<URI> checks = new ArrayList<>();
        if (slack != null) {
            checks.add(slack.resolve("/__admin/health"));
        }
        if (influx != null) {
            checks.add(influx.resolve("/__admin/health"));
        }
        checks.add(service.resolve(readyPath));
        for (URI uri : checks) {
            while (true) {
                if (!Files.exists(Path.of("/proc", Long.toString(pid)))) {
                    throw new IllegalStateException("service process " + pid + " exited; see its log");
                }
                try {
                    HttpRequest probe = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build();
                    if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(uri + " not ready within " + limit.toSeconds() + " s");
                }
                Thread.sleep(200);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The service's process: /proc and jcmd

    /** A number field of /proc/PID/status: VmRSS (resident now, kB), VmHWM (peak resident, kB), Threads. */
    long procStatus(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException(field + " not in /proc/" + pid + "/status");
    }

    /** User plus system CPU time of a process so far, from /proc/PID/stat (fields 14 and 15). */
    static long cpuMillis(long pid) throws IOException {
        return cpuMillis(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** User plus system CPU time from a /proc stat file (a process's or a thread's). */
    static long cpuMillis(Path statFile) throws IOException {
        String stat = Files.readString(statFile);
        // The fields after the command name, which is in parentheses and may hold spaces.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
    }

    /** CPU time the whole machine spent busy (all CPUs; not idle, not waiting for I/O), from /proc/stat. */
    static long machineBusyMillis() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i <= 8 && i < f.length; i++) { // user nice system idle iowait irq softirq steal
            if (i != 4 && i != 5) {
                busy += Long.parseLong(f[i]);
            }
        }
        return busy * MILLIS_PER_TICK;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Where the CPU went from its creation until {@link #report}: the service, the WireMocks, this driver, the rest. */
    final class CpuMeter {
        final long startNanos = System.nanoTime();
        final long machineStart = machineBusyMillis();
        final long driverStart = driverCpuMillis();
        final Map<String, Long> start = new LinkedHashMap<>();
        final Map<String, Long> serviceThreadsStart = threadCpuMillis(pid);
        /** The service's CPU time from the start to the last {@link #report}. */
        long serviceMillis;

        CpuMeter() throws IOException {
            start.put("service", cpuMillis(pid));
            for (Map.Entry<String, Long> other : otherPids.entrySet()) {
                start.put(other.getKey(), cpuMillis(other.getValue()));
            }
        }

        String report() throws IOException {
            double wall = seconds(System.nanoTime() - startNanos);
            int cpus = Runtime.getRuntime().availableProcessors();
            StringBuilder line = new StringBuilder(String.format(
                    Locale.ROOT, "CPU seconds after warm-up (%.1f s wall x %d CPUs = %.1f):", wall, cpus, wall * cpus));
            long ours = 0;
            long service = 0;
            for (Map.Entry<String, Long> p : start.entrySet()) {
                long used = cpuMillis(p.getKey().equals("service") ? pid : otherPids.get(p.getKey())) - p.getValue();
                service = p.getKey().equals("service") ? used : service;
                serviceMillis = p.getKey().equals("service") ? used : serviceMillis;
                ours += used;
                line.append(String.format(Locale.ROOT, " %s %.1f,", p.getKey(), used / 1000.0));
            }
            long driver = driverCpuMillis() - driverStart;
            ours += driver;
            // Busy time of the whole machine minus the benchmark's own processes: other work (e.g. a build) sharing the CPU.
            long elsewhere = Math.max(0, machineBusyMillis() - machineStart - ours);
            line.append(String.format(
                    Locale.ROOT,
                    " load driver %.1f, anything else on the machine %.1f%n"
                            + "service CPU after the warm-up per command%s (follow-ups and background work included): %.2f ms",
                    driver / 1000.0,
                    elsewhere / 1000.0,
                    ackOnly ? "" : " + click pair",
                    (double) service / commands));
            line.append("\nservice CPU seconds by thread (threads that ended meanwhile are not counted):");
            Map<String, Long> byGroup = new TreeMap<>();
            threadCpuMillis(pid).forEach((thread, millis) -> byGroup.merge(
                    threadGroup(thread), millis - serviceThreadsStart.getOrDefault(thread, 0L), Long::sum));
            byGroup.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .filter(e -> e.getValue() >= 50)
                    .forEach(e -> line.append(String.format(Locale.ROOT, " %s %.1f,", e.getKey(), e.getValue() / 1000.0)));
            line.setLength(line.length() - 1);
            return line.toString();
        }
    }

    /** CPU time of each of a process's threads so far, keyed "TID name", from /proc/PID/task. */
    static Map<String, Long> threadCpuMillis(long pid) throws IOException {
        Map<String, Long> threads = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    threads.put(task.getFileName() + " " + name, cpuMillis(task.resolve("stat")));
                } catch (IOException ended) {
                    // the thread ended while we looked
                }
            }
        }
        return threads;
    }

    /** "1234 follow-up-7" -> "follow-up": threads of one pool together (Linux keeps 15 chars of a name). */
    static String threadGroup(String thread) {
        String name = thread.substring(thread.indexOf(' ') + 1);
        String group = name.replaceAll("[-#\\s]*[0-9]+$", "");
        return group.isEmpty() ? name : group;
    }

    static long driverCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
    }

    /**
     * Live objects and metaspace after a full GC (a leak shows here, whatever the heap's size), via
     * jcmd from the JDK. With --diagnostics, also saves the class histogram, the heap's layout, the
     * process's memory map (smaps) and, when the JVM tracks native memory, what grew since the warm-up.
     */
    String afterFullGc() {
        try {
            // The class histogram runs a full GC first; its total is the size of every live object.
            String histogram = jcmd("GC.class_histogram");
            Matcher total = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)").matcher(histogram);
            double liveMiB = total.find() ? Long.parseLong(total.group(1)) / 1048576.0 : -1;
            String heapInfo = jcmd("GC.heap_info");
            Matcher metaspace = Pattern.compile("Metaspace\\s+used (\\d+)K").matcher(heapInfo);
            double metaspaceMiB = metaspace.find() ? Long.parseLong(metaspace.group(1)) / 1024.0 : -1;
            if (diagnostics != null) {
                Files.writeString(diagnostics.resolve("class-histogram.txt"), histogram);
                Files.writeString(diagnostics.resolve("heap-info.txt"), heapInfo);
                Files.writeString(
                        diagnostics.resolve("native-memory-since-warm-up.txt"),
                        jcmdQuietly("VM.native_memory", "summary.diff"));
                Files.copy(
                        Path.of("/proc", Long.toString(pid), "smaps"),
                        diagnostics.resolve("smaps.txt"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return String.format(
                    Locale.ROOT,
                    "after full GC: live objects %.1f MiB, metaspace %.1f MiB, RSS %.1f MiB",
                    liveMiB,
                    metaspaceMiB,
                    procStatus("VmRSS") / 1024.0);
        } catch (Exception e) {
            return "after full GC: not measured (" + e.getMessage() + ")";
        }
    }

    String jcmd(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(Arrays.asList(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed");
        }
        return out;
    }

    String jcmdQuietly(String... command) {
        try {
            return jcmd(command);
        } catch (Exception e) {
            return "jcmd " + String.join(" ", command) + " failed: " + e.getMessage();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The service's request ledger

    /**
     * The ledger's transactions as the service's {@code revoke_ledger_seconds} timer counts them at
     * one moment (from /q/metrics): per operation and outcome, how many and their total seconds. The
     * timer is wall time, from taking a pooled connection to the commit, waits for a free connection
     * or a lock included: a cost in latency, not CPU.
     *
     * @param byKey "operation outcome" -> {count, total seconds}
     * @param problem why it could not be read, or null
     */
    record LedgerCost(Map<String, double[]> byKey, String problem) {

        static final Pattern SAMPLE =
                Pattern.compile("(?m)^revoke_ledger_seconds_(count|sum)\\{([^}]*)\\}\\s+(\\S+)");
        static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

        static LedgerCost read(URI service) {
            try {
                String metrics = admin(service, "GET", "/q/metrics", null);
                Map<String, double[]> byKey = new HashMap<>();
                Matcher sample = SAMPLE.matcher(metrics);
                while (sample.find()) {
                    Map<String, String> labels = new HashMap<>();
                    Matcher label = LABEL.matcher(sample.group(2));
                    while (label.find()) {
                        labels.put(label.group(1), label.group(2));
                    }
                    String key = labels.getOrDefault("operation", "?") + " " + labels.getOrDefault("outcome", "?");
                    byKey.computeIfAbsent(key, k -> new double[2])[sample.group(1).equals("count") ? 0 : 1] +=
                            Double.parseDouble(sample.group(3));
                }
                return new LedgerCost(byKey, null);
            } catch (Exception e) {
                return new LedgerCost(Map.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }

        /** What happened between {@code start} and {@code end}: keys with transactions only, click path first. */
        static Map<String, double[]> between(LedgerCost start, LedgerCost end) {
            Map<String, double[]> delta = new TreeMap<>((a, b) -> {
                int byPlace = Integer.compare(place(a), place(b));
                return byPlace != 0 ? byPlace : a.compareTo(b);
            });
            end.byKey.forEach((key, e) -> {
                double[] s = start.byKey.getOrDefault(key, new double[2]);
                if (e[0] - s[0] > 0) {
                    delta.put(key, new double[] {e[0] - s[0], e[1] - s[1]});
                }
            });
            return delta;
        }

        /** Click operations in their order, then the command's, then the rest (background work). */
        static int place(String key) {
            String operation = key.substring(0, key.indexOf(' '));
            int click = CLICK_OPERATIONS.indexOf(operation);
            int command = COMMAND_OPERATIONS.indexOf(operation);
            return click >= 0 ? click : command >= 0 ? 100 + command : 200;
        }

        /** {count, total seconds} of these operations, all outcomes. */
        static double[] total(Map<String, double[]> delta, List<String> operations) {
            double[] total = new double[2];
            delta.forEach((key, v) -> {
                if (operations.contains(key.substring(0, key.indexOf(' ')))) {
                    total[0] += v[0];
                    total[1] += v[1];
                }
            });
            return total;
        }

        /** Ledger milliseconds per click between the two readings, for a round's line. */
        static String perClickText(LedgerCost start, LedgerCost end, long clicks) {
            if (start.problem != null || end.problem != null || clicks == 0) {
                return "n/a";
            }
            return String.format(Locale.ROOT, "%.2f", total(between(start, end), CLICK_OPERATIONS)[1] * 1000 / clicks);
        }

        /** The summary's ledger lines: each operation's count, total and mean, then the cost per decision. */
        static String report(LedgerCost start, LedgerCost end, long clicks, long commands) {
            if (start.problem != null || end.problem != null) {
                String problem = start.problem != null ? start.problem : end.problem;
                return "ledger: not measured (/q/metrics: " + problem + ")\n";
            }
            Map<String, double[]> delta = between(start, end);
            if (delta.isEmpty()) {
                return "ledger: no revoke_ledger_seconds transactions in /q/metrics after the warm-up\n";
            }
            StringBuilder s = new StringBuilder(
                    "ledger transactions after the warm-up (revoke_ledger_seconds; wall time from taking a connection"
                            + " to the commit, waits included):\n");
            s.append(String.format(
                    Locale.ROOT,
                    "  %-16s %-8s %8s %10s %8s%n",
                    "operation",
                    "outcome",
                    "count",
                    "total ms",
                    "mean ms"));
            delta.forEach((key, v) -> s.append(String.format(
                    Locale.ROOT,
                    "  %-16s %-8s %8.0f %10.1f %8.3f%n",
                    key.substring(0, key.indexOf(' ')),
                    key.substring(key.indexOf(' ') + 1),
                    v[0],
                    v[1] * 1000,
                    v[1] * 1000 / v[0])));
            double[] click = total(delta, CLICK_OPERATIONS);
            double[] command = total(delta, COMMAND_OPERATIONS);
            double[] other = new double[2];
            delta.forEach((key, v) -> {
                if (place(key) >= 200) {
                    other[0] += v[0];
                    other[1] += v[1];
                }
            });
            s.append(String.format(
                    Locale.ROOT,
                    "ledger ms per decision: %.2f (%s: %.1f transactions per click, %d clicks);"
                            + " per request opened: %.2f (%s: %.1f per command);"
                            + " background: %.0f transactions, %.1f ms%n",
                    clicks == 0 ? 0 : click[1] * 1000 / clicks,
                    String.join(", ", CLICK_OPERATIONS),
                    clicks == 0 ? 0 : click[0] / clicks,
                    clicks,
                    commands == 0 ? 0 : command[1] * 1000 / commands,
                    String.join(", ", COMMAND_OPERATIONS),
                    commands == 0 ? 0 : command[0] / commands,
                    other[0],
                    other[1] * 1000));
            return s.toString();
        }
    }

    /** The embedded ledger's files under --data-dir and their sizes, or "" without --data-dir. */
    String ledgerFiles() {
        if (dataDir == null) {
            return "";
        }
        StringBuilder line = new StringBuilder("ledger files in ").append(dataDir).append(':');
        try (var files = Files.walk(dataDir)) {
            files.filter(Files::isRegularFile).sorted().forEach(f -> {
                try {
                    line.append(String.format(
                            Locale.ROOT, " %s %.1f MiB,", dataDir.relativize(f), Files.size(f) / 1048576.0));
                } catch (IOException gone) {
                    // removed while we looked
                }
            });
        } catch (IOException e) {
            line.append(" not read (").append(e.getMessage()).append("),");
        }
        line.setLength(line.length() - 1);
        return line.append('\n').toString();
    }

    // ---------------------------------------------------------------------------------------------
    // Results

    /** Ack latencies of one kind of request. */
    static final class Phase {
        final String name;
        static final String COMMAND_ACK = "Looking up";
        static final String CLICK_ACK = "";
        /** Text every successful ack contains ("" for clicks, whose ack has no text). */
        final String expectedAck;
        final AtomicInteger errors = new AtomicInteger();
        long wallNanos;
        private long[] nanos = new long[1024];
        private int size;

        Phase(String name, String expectedAck) {
            this.name = name;
            this.expectedAck = expectedAck;
        }

        synchronized int size() {
            return size;
        }

        synchronized void record(long n) {
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            nanos[size++] = n;
        }

        synchronized void add(Phase other) {
            for (int i = 0; i < other.size; i++) {
                record(other.nanos[i]);
            }
            errors.addAndGet(other.errors.get());
            wallNanos += other.wallNanos;
        }

        /** Nearest rank, in milliseconds. */
        synchronized double percentile(double p) {
            if (size == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(nanos, size);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100 * size);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }

        synchronized String line() {
            return String.format(
                    Locale.ROOT,
                    "%-9s %7d %7d %8.2f %8.2f %8.2f %10.0f",
                    name,
                    size,
                    errors.get(),
                    percentile(50),
                    percentile(99),
                    percentile(100),
                    size / seconds(wallNanos));
        }
    }

    /** One round's acks and what its follow-ups came to. */
    static final class Round {
        final String name;
        final int n;
        final Phase commands = new Phase("commands", Phase.COMMAND_ACK);
        final Phase clicks = new Phase("clicks", Phase.CLICK_ACK);
        long requestMessages;
        long updates;
        long auditMessages;
        long influxGets;
        long influxDeletes;
        long ephemerals;
        double requestDrainSeconds;
        double clickDrainSeconds;

        Round(String name, int n) {
            this.name = name;
            this.n = n;
        }

        boolean followUpsDelivered() {
            return requestMessages == n
                    && updates == n
                    && auditMessages == n
                    && influxGets == 2L * n
                    && influxDeletes == n;
        }

        @Override
        public String toString() {
            return String.format(
                    "request messages %d/%d, updates %d/%d, audit messages %d/%d, InfluxDB GET %d/%d, DELETE %d/%d",
                    requestMessages, n, updates, n, auditMessages, n, influxGets, 2L * n, influxDeletes, n);
        }
    }

    /** Every error, by kind, with a count. */
    static final class Errors {
        private final Map<String, AtomicInteger> byKind = new ConcurrentHashMap<>();

        void add(String kind) {
            byKind.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        }

        int total() {
            return byKind.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        Map<String, Integer> sorted() {
            Map<String, Integer> sorted = new TreeMap<>();
            byKind.forEach((k, v) -> sorted.put(k, v.get()));
            return sorted;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Small helpers

    static long sum(List<Round> rounds, java.util.function.ToLongFunction<Round> field) {
        return rounds.stream().mapToLong(field).sum();
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required\n" + USAGE);
        }
        return value;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            form.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return form;
    }

    /** A JSON string literal. */
    static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    /** A minimal JSON reader: objects become maps, arrays lists, numbers doubles. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.i != text.length()) {
                throw json.error("trailing characters");
            }
            return value;
        }

        private Object value() {
            space();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                Map<String, Object> map = new LinkedHashMap<>();
                space();
                if (take('}')) {
                    return map;
                }
                do {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    map.put(key, value());
                    space();
                } while (take(','));
                expect('}');
                return map;
            }
            if (c == '[') {
                i++;
                List<Object> list = new ArrayList<>();
                space();
                if (take(']')) {
                    return list;
                }
                do {
                    list.add(value());
                    space();
                } while (take(','));
                expect(']');
                return list;
            }
            if (c == '"') {
                return string();
            }
            for (Map.Entry<String, Object> literal : LITERALS.entrySet()) {
                if (s.startsWith(literal.getKey(), i)) {
                    i += literal.getKey().length();
                    return literal.getValue();
                }
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw error("unexpected character");
            }
            return Double.parseDouble(s.substring(start, i));
        }

        private static final Map<String, Object> LITERALS = new LinkedHashMap<>();

        static {
            LITERALS.put("true", Boolean.TRUE);
            LITERALS.put("false", Boolean.FALSE);
            LITERALS.put("null", null);
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> out.append(e); // \" \\ \/
                }
            }
            throw error("unterminated string");
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private boolean take(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!take(c)) {
                throw error("expected '" + c + "'");
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("JSON: " + what + " at " + i);
        }
    }
}
