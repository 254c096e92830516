package dev.revoketokenbot.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.ChannelFuture;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.impl.WebSocketInternal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slack's Socket Mode, played on a free loopback port: {@code apps.connections.open} (which the
 * Slack stub passes on here) hands out a {@code ws://} URL with a fresh ticket; a connection to it
 * gets {@code hello}; envelopes go out on the newest open connection, each with a fresh {@code
 * envelope_id}, in the shape of the SDK's own samples ({@code src/test/resources/slack/}); the app's
 * acks are recorded by envelope. The server can also ask for a refresh ({@code disconnect}), drop a
 * connection without a word, refuse {@code apps.connections.open} as Slack does, and refuse the
 * WebSocket itself.
 */
public final class SocketModeServer {

    /** What the app sent back for one envelope, and on which connection (numbered from 1). */
    public record Ack(int connection, JsonNode message) {

        /** The ack's {@code payload}, or a missing node when the ack has none. */
        public JsonNode payload() {
            return message.path("payload");
        }
    }

    private record Connection(int number, ServerWebSocket socket) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPEN_PATH = "/api/apps.connections.open";
    private static final String LINK_PATH = "/link/";
    private static final String DISABLE_WEBSOCKETS = "vertx.disableWebsockets";

    private final Vertx vertx;
    private final HttpServer server;
    private final List<Connection> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<String, Ack> acks = new ConcurrentHashMap<>();
    private final List<Instant> refusedOpens = new CopyOnWriteArrayList<>();
    private volatile String refusingWith;
    private volatile boolean rejectingWebSockets;

    private SocketModeServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /**
     * Starts on a free loopback port, on a Vert.x of its own (one event loop: it is a stand-in).
     * Needs {@code vertx.disableWebsockets=false}, which the build sets for tests (see pom.xml).
     */
    public static SocketModeServer start() {
        if (Boolean.getBoolean(DISABLE_WEBSOCKETS)) {
            throw new IllegalStateException("WebSockets are disabled in this JVM (a Quarkus app set -D"
                    + DISABLE_WEBSOCKETS + "=true): run with -D" + DISABLE_WEBSOCKETS + "=false, as the build does");
        }
        System.getProperties().putIfAbsent(DISABLE_WEBSOCKETS, "false");
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        HttpServer http = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1"));
        SocketModeServer server = new SocketModeServer(vertx, http);
        http.requestHandler(server::answerApi).webSocketHandler(server::accept);
        wait(http.listen(0));
        return server;
    }

    public void stop() {
        wait(vertx.close());
    }

    /** Where the Slack stub passes {@code apps.connections.open} on to. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** From now on, every {@code apps.connections.open} answers {@code ok:false} with this error. */
    public void refuseOpensWith(String error) {
        refusingWith = error;
    }

    /** From now on, {@code apps.connections.open} hands out URLs again. */
    public void acceptOpens() {
        refusingWith = null;
    }

    /** Whether the WebSocket handshake is refused (HTTP 503) to the URLs handed out. */
    public void rejectWebSockets(boolean reject) {
        rejectingWebSockets = reject;
    }

    /** When each refused {@code apps.connections.open} was answered. */
    public List<Instant> refusedOpens() {
        return List.copyOf(refusedOpens);
    }

    /** Connections accepted so far; the newest has this number. */
    public int connections() {
        return connections.get();
    }

    /** The number of the newest connection still open, if any. */
    public Optional<Integer> newestOpen() {
        return newest().map(Connection::number);
    }

    /** Sends a {@code slash_commands} envelope with these form fields as its payload; returns its envelope_id. */
    public String sendSlashCommand(Map<String, String> fields) {
        return send("socket_mode_slash_commands_envelope.json", JSON.valueToTree(fields));
    }

    /** Sends an {@code interactive} envelope with this {@code block_actions} payload; returns its envelope_id. */
    public String sendBlockActions(Map<String, Object> payload) {
        return send("socket_mode_interactive_envelope_block_actions.json", JSON.valueToTree(payload));
    }

    /** The app's ack of this envelope, once it has come. */
    public Optional<Ack> ackOf(String envelopeId) {
        return Optional.ofNullable(acks.get(envelopeId));
    }

    /** Asks the app to move to a new connection, as Slack does before it recycles one. */
    public void askForRefresh() {
        ObjectNode disconnect =
                JSON.createObjectNode().put("type", "disconnect").put("reason", "refresh_requested");
        disconnect.putObject("debug_info").put("host", "applink-test");
        write(newestOrFail(), disconnect.toString());
    }

    /** Closes the newest connection's TCP socket, with no WebSocket close frame: a network drop. */
    public void dropConnection() {
        ChannelFuture closing = ((WebSocketInternal) newestOrFail().socket())
                .channelHandlerContext()
                .close();
        if (!closing.awaitUninterruptibly(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the Socket Mode stand-in could not drop the connection");
        }
    }

    private void answerApi(HttpServerRequest request) {
        if (!OPEN_PATH.equals(request.path())) {
            request.response().setStatusCode(404).end();
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        String refusal = refusingWith;
        if (refusal != null) {
            refusedOpens.add(Instant.now());
            answer.put("ok", false).put("error", refusal);
        } else {
            answer.put("ok", true)
                    .put(
                            "url",
                            "ws://127.0.0.1:" + server.actualPort() + LINK_PATH + "?ticket=" + UUID.randomUUID()
                                    + "&app_id=A0TEST");
        }
        request.response().putHeader("Content-Type", "application/json").end(answer.toString());
    }

    private void accept(ServerWebSocket socket) {
        if (!LINK_PATH.equals(socket.path())) {
            socket.reject(404);
            return;
        }
        if (rejectingWebSockets) {
            socket.reject(503);
            return;
        }
        Connection connection = new Connection(connections.incrementAndGet(), socket);
        open.add(connection);
        socket.closeHandler(closed -> open.remove(connection));
        socket.textMessageHandler(message -> recordAck(connection, message));
        ObjectNode hello = JSON.createObjectNode().put("type", "hello").put("num_connections", open.size());
        hello.putObject("debug_info").put("host", "applink-test").put("approximate_connection_time", 18060);
        hello.putObject("connection_info").put("app_id", "A0TEST");
        socket.writeTextMessage(hello.toString());
    }

    private void recordAck(Connection connection, String message) {
        try {
            JsonNode json = JSON.readTree(message);
            if (json.hasNonNull("envelope_id")) {
                acks.put(json.get("envelope_id").asText(), new Ack(connection.number(), json));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the app sent something that is not JSON: " + message, e);
        }
    }

    private String send(String envelopeFixture, JsonNode payload) {
        ObjectNode envelope = (ObjectNode) fixture(envelopeFixture);
        String envelopeId = UUID.randomUUID().toString();
        envelope.put("envelope_id", envelopeId);
        envelope.set("payload", payload);
        write(newestOrFail(), envelope.toString());
        return envelopeId;
    }

    private static JsonNode fixture(String name) {
        try (InputStream in = SocketModeServer.class.getResourceAsStream("/slack/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Connection> newest() {
        List<Connection> now = List.copyOf(open);
        return now.isEmpty() ? Optional.empty() : Optional.of(now.get(now.size() - 1));
    }

    private Connection newestOrFail() {
        return newest().orElseThrow(() -> new IllegalStateException("the app has no Socket Mode connection open"));
    }

    private static void write(Connection connection, String text) {
        wait(connection.socket().writeTextMessage(text));
    }

    private static <T> T wait(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the Socket Mode stand-in did not manage: " + e, e);
        }
    }
}
