package dev.mana.platform;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch metrics in the Embedded Metric Format: one JSON line on stdout that CloudWatch
 * Logs turns into metrics, with no API call on the request path.
 */
public final class Metrics {
    public static final String NAMESPACE = "ManaApi";
    private static volatile PrintStream out = System.out;

    private Metrics() {}

    public static void redirect(PrintStream stream) {
        out = stream;
    }

    /** A metric value with its CloudWatch unit ("Milliseconds", "Count", ...). */
    public record Value(String name, double value, String unit) {}

    public static void emit(Map<String, String> dimensions, List<Value> values) {
        var definitions = new ArrayList<Map<String, String>>();
        var line = new LinkedHashMap<String, Object>();
        for (Value v : values) {
            definitions.add(Map.of("Name", v.name(), "Unit", v.unit()));
        }
        line.put(
                "_aws",
                Map.of(
                        "Timestamp",
                        System.currentTimeMillis(),
                        "CloudWatchMetrics",
                        List.of(Map.of(
                                "Namespace",
                                NAMESPACE,
                                "Dimensions",
                                List.of(List.copyOf(dimensions.keySet())),
                                "Metrics",
                                definitions))));
        line.putAll(dimensions);
        for (Value v : values) {
            line.put(v.name(), v.value());
        }
        out.println(Json.write(line));
    }
}
