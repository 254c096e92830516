package dev.revoketokenbot.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** Every log line the application writes, as formatted text, for audit and leak assertions. */
public final class LogCapture extends Handler {

    private static final LogCapture INSTANCE = new LogCapture();

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<String> audit = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    /** Installs the handler on the root logger (once) and forgets earlier lines. */
    public static LogCapture start() {
        Logger root = Logger.getLogger("");
        boolean installed = false;
        for (Handler handler : root.getHandlers()) {
            installed |= handler == INSTANCE;
        }
        if (!installed) {
            root.addHandler(INSTANCE);
        }
        INSTANCE.lines.clear();
        INSTANCE.audit.clear();
        INSTANCE.warnings.clear();
        return INSTANCE;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Lines of the {@code audit} logger only. */
    public List<String> audit() {
        return List.copyOf(audit);
    }

    /** Lines logged at WARN or above. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        String line =
                record.getLoggerName() + " " + message + (record.getThrown() == null ? "" : " " + record.getThrown());
        lines.add(line);
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(line);
        }
        if ("audit".equals(record.getLoggerName())) {
            audit.add(message);
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
