package dev.mana.platform;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * JSON-lines logging: one object per line with time, level, message, the request's context
 * (requestId, route, accountId, keyId) and the given fields. Fields whose names say they hold a
 * secret are redacted, as a last line of defence: call sites must not pass secrets anyway.
 */
public final class Log {
    private static final Set<String> SECRET_NAMES = Set.of(
            "password",
            "token",
            "accesstoken",
            "refreshtoken",
            "authorization",
            "x-api-key",
            "apikey",
            "secret",
            "key",
            "cookie",
            "signature");
    private static final ThreadLocal<Map<String, Object>> CONTEXT = ThreadLocal.withInitial(LinkedHashMap::new);
    private static volatile PrintStream out = System.out;

    private Log() {}

    /** Tests capture the lines to prove what is and is not logged. */
    public static void redirect(PrintStream stream) {
        out = stream;
    }

    public static void putContext(String name, Object value) {
        if (value != null) CONTEXT.get().put(name, value);
    }

    public static void clearContext() {
        CONTEXT.get().clear();
    }

    public static void info(String message, Object... fields) {
        write("INFO", message, fields, null);
    }

    public static void warn(String message, Object... fields) {
        write("WARN", message, fields, null);
    }

    public static void error(String message, Throwable error, Object... fields) {
        write("ERROR", message, fields, error);
    }

    private static void write(String level, String message, Object[] fields, Throwable error) {
        var line = new LinkedHashMap<String, Object>();
        line.put("time", Instant.now().toString());
        line.put("level", level);
        line.put("message", message);
        line.putAll(CONTEXT.get());
        for (int i = 0; i + 1 < fields.length; i += 2) {
            String name = String.valueOf(fields[i]);
            line.put(name, isSecret(name) ? "[redacted]" : fields[i + 1]);
        }
        if (error != null) {
            line.put("error", error.getClass().getName());
            line.put("errorMessage", String.valueOf(error.getMessage()));
            var trace = new StringBuilder();
            for (StackTraceElement frame : error.getStackTrace()) {
                if (trace.length() > 2000) break;
                trace.append(frame).append('\n');
            }
            line.put("stack", trace.toString());
        }
        String json;
        try {
            json = Json.write(line);
        } catch (RuntimeException e) {
            json = "{\"level\":\"" + level + "\",\"message\":\"" + message.replace("\"", "'") + "\"}";
        }
        out.println(json);
    }

    private static boolean isSecret(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return SECRET_NAMES.contains(lower)
                || lower.endsWith("token")
                || lower.endsWith("password")
                || lower.endsWith("secret");
    }
}
