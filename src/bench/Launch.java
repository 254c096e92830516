import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Times an app's start for src/bench/peers.sh (see src/bench/README.md, "Peers"): starts COMMAND
 * (with this process's environment, output to --log), and measures with the monotonic clock
 * ({@link System#nanoTime}) from just before the process is started until --health first answers
 * 200, polling every 10 ms, and the CPU time the app used until then (all its threads, user +
 * system, from /proc/PID/stat: on a small machine a start is mostly CPU). Then, at once, sends one signed {@code /revoke-token} command to
 * --events and times its ack (the first request the app ever serves), waits --settle-seconds, and
 * reads the process's resident memory (VmRSS). Then stops the app (SIGTERM; SIGKILL after 30 s)
 * and waits for it to exit, or with {@code --keep true} leaves it running.
 *
 * <p>Prints one line: {@code launch: pid=N start_ms=X start_cpu_ms=C first_ack_ms=Y
 * first_ack=ok|failed(...) rss_idle_kib=Z}. Exits 1 when the app exits or does not answer within --timeout-seconds.
 *
 * <p>Compiled by peers.sh into target/bench/tools (a compiled class starts in a fraction of the
 * time of a source-file launch, and the clock starts only after this JVM is up anyway):
 *
 * <pre>
 * java -cp target/bench/tools Launch --health URL --events URL --secret SECRET --log FILE
 *     [--settle-seconds 5] [--timeout-seconds 180] [--keep false] -- COMMAND...
 * </pre>
 */
public class Launch {

    static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        List<String> command = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                command.addAll(List.of(args).subList(i + 1, args.length));
                break;
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage();
            }
            o.put(args[i].substring(2), args[++i]);
        }
        if (command.isEmpty() || !o.containsKey("health") || !o.containsKey("events") || !o.containsKey("secret")
                || !o.containsKey("log")) {
            usage();
        }
        URI health = URI.create(o.get("health"));
        URI events = URI.create(o.get("events"));
        String secret = o.get("secret");
        long settleMillis = (long) (Double.parseDouble(o.getOrDefault("settle-seconds", "5")) * 1000);
        long timeoutNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(o.getOrDefault("timeout-seconds", "180")));
        boolean keep = Boolean.parseBoolean(o.getOrDefault("keep", "false"));

        ProcessBuilder builder = new ProcessBuilder(command)
                // The bot's AppCDS archive names its jar relative to target/quarkus-app: start it from there.
                .directory(new File(o.getOrDefault("dir", ".")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(o.get("log"))))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));

        long t0 = System.nanoTime();
        Process process = builder.start();
        long startNanos;
        while (true) {
            long polled = System.nanoTime();
            if (!process.isAlive()) {
                fail("the app exited (status " + process.exitValue() + ") before " + health + " answered 200; see "
                        + o.get("log"));
            }
            if (status(health) == 200) {
                startNanos = System.nanoTime() - t0;
                break;
            }
            if (polled - t0 > timeoutNanos) {
                stop(process);
                fail(health + " did not answer 200 within " + o.getOrDefault("timeout-seconds", "180") + " s");
            }
            long next = polled + POLL_NANOS - System.nanoTime();
            if (next > 0) {
                LockSupport.parkNanos(next);
            }
        }

        long startCpuMillis = cpuMillis(process.pid());

        // The first command the app ever serves, at once: what a Slack user meets right after a restart.
        byte[] body = command(Long.toHexString(System.currentTimeMillis())).getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String signature = sign(secret, timestamp, new String(body, StandardCharsets.UTF_8));
        String firstAck;
        long ackStart = System.nanoTime();
        String answer;
        try {
            answer = exchange(
                    events,
                    "POST " + path(events) + " HTTP/1.1\r\nHost: " + events.getHost() + ":" + events.getPort()
                            + "\r\nContent-Type: application/x-www-form-urlencoded\r\nX-Slack-Request-Timestamp: "
                            + timestamp + "\r\nX-Slack-Signature: " + signature + "\r\nContent-Length: "
                            + body.length + "\r\nConnection: close\r\n\r\n",
                    body);
        } catch (IOException e) {
            answer = "";
        }
        long ackNanos = System.nanoTime() - ackStart;
        if (answer.startsWith("HTTP/1.1 200") && answer.contains("Looking up")) {
            firstAck = "ok";
        } else {
            String statusLine = answer.isEmpty() ? "no answer" : answer.lines().findFirst().orElse("");
            firstAck = "failed(" + statusLine.replace(' ', '_') + ")";
        }

        Thread.sleep(settleMillis);
        long rss = vmRss(process.pid());
        System.out.printf(
                Locale.ROOT,
                "launch: pid=%d start_ms=%.1f start_cpu_ms=%d first_ack_ms=%.1f first_ack=%s rss_idle_kib=%d%n",
                process.pid(),
                startNanos / 1e6,
                startCpuMillis,
                ackNanos / 1e6,
                firstAck,
                rss);
        System.out.flush();
        if (!keep) {
            stop(process);
        }
    }

    static void usage() {
        System.err.println("usage: java -cp target/bench/tools Launch --health URL --events URL --secret SECRET --log FILE"
                + " [--settle-seconds 5] [--timeout-seconds 180] [--keep false] [--dir .] -- COMMAND...");
        System.exit(2);
    }

    static void fail(String why) {
        System.err.println("launch: " + why);
        System.exit(1);
    }

    /** SIGTERM, then SIGKILL after 30 s; returns once the process has exited. */
    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** The HTTP status of a GET, or 0 when nothing answers (not listening yet). */
    static int status(URI uri) {
        try {
            String answer = exchange(
                    uri,
                    "GET " + path(uri) + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                            + "\r\nConnection: close\r\n\r\n",
                    new byte[0]);
            String[] statusLine = answer.split(" ", 3);
            return statusLine.length >= 2 ? Integer.parseInt(statusLine[1]) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** One request on a new connection (Connection: close); the whole answer, headers included. */
    static String exchange(URI uri, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    static String path(URI uri) {
        return uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    }

    /** A slash command as Slack sends it (the fields of LoadDriver's), for a new 16-hex authorization ID. */
    static String command(String id) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", "T0BENCH");
        form.put("team_domain", "bench");
        form.put("channel_id", "CBENCH");
        form.put("channel_name", "incident");
        form.put("user_id", "UREQ");
        form.put("user_name", "ureq");
        form.put("command", "/revoke-token");
        form.put("text", String.format("%16s", id).replace(' ', '0') + " --reason start-up probe");
        form.put("api_app_id", "A0BENCH");
        form.put("is_enterprise_install", "false");
        form.put("response_url", "http://127.0.0.1:9/response/launch");
        form.put("trigger_id", "1.2.3");
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

    /** {@code v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))}. */
    static String sign(String secret, String timestamp, String body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v0="
                + HexFormat.of()
                        .formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    }

    /** User plus system CPU time of a process so far, in ms, from /proc/PID/stat (fields 14 and 15; USER_HZ 100). */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /** Resident memory now, in KiB, from /proc/PID/status. */
    static long vmRss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid + "/status");
    }
}
