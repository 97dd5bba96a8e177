package dev.mana.tts.engine;

import java.util.Map;
import java.util.regex.Pattern;

/** A number followed by a unit symbol ("3 km", "20°C", "5kg") as words: "three kilometers". */
final class Units {

    /** Symbol to its singular and plural names. */
    private static final Map<String, String[]> NAMES = Map.ofEntries(
            Map.entry("km/h", new String[] {"kilometer per hour", "kilometers per hour"}),
            Map.entry("mph", new String[] {"mile per hour", "miles per hour"}),
            Map.entry("km", new String[] {"kilometer", "kilometers"}),
            Map.entry("cm", new String[] {"centimeter", "centimeters"}),
            Map.entry("mm", new String[] {"millimeter", "millimeters"}),
            Map.entry("m", new String[] {"meter", "meters"}),
            Map.entry("mi", new String[] {"mile", "miles"}),
            Map.entry("ft", new String[] {"foot", "feet"}),
            Map.entry("kg", new String[] {"kilogram", "kilograms"}),
            Map.entry("mg", new String[] {"milligram", "milligrams"}),
            Map.entry("g", new String[] {"gram", "grams"}),
            Map.entry("lb", new String[] {"pound", "pounds"}),
            Map.entry("lbs", new String[] {"pound", "pounds"}),
            Map.entry("ml", new String[] {"milliliter", "milliliters"}),
            Map.entry("l", new String[] {"liter", "liters"}),
            Map.entry("°C", new String[] {"degree Celsius", "degrees Celsius"}),
            Map.entry("°F", new String[] {"degree Fahrenheit", "degrees Fahrenheit"}),
            Map.entry("Hz", new String[] {"hertz", "hertz"}),
            Map.entry("kHz", new String[] {"kilohertz", "kilohertz"}),
            Map.entry("MHz", new String[] {"megahertz", "megahertz"}),
            Map.entry("GHz", new String[] {"gigahertz", "gigahertz"}),
            Map.entry("KB", new String[] {"kilobyte", "kilobytes"}),
            Map.entry("MB", new String[] {"megabyte", "megabytes"}),
            Map.entry("GB", new String[] {"gigabyte", "gigabytes"}),
            Map.entry("TB", new String[] {"terabyte", "terabytes"}),
            Map.entry("ms", new String[] {"millisecond", "milliseconds"}),
            Map.entry("kW", new String[] {"kilowatt", "kilowatts"}),
            Map.entry("W", new String[] {"watt", "watts"}),
            Map.entry("V", new String[] {"volt", "volts"}));

    /** Longest symbols first, so "km/h" wins over "km" and "kHz" over "Hz". */
    private static final Pattern AMOUNT = Pattern.compile("(?<![\\w.])(-?\\d+(?:\\.\\d+)?)\\s?("
            + String.join(
                    "|",
                    NAMES.keySet().stream()
                            .sorted((a, b) -> b.length() - a.length())
                            .map(Pattern::quote)
                            .toList())
            + ")(?![\\w/])");

    private Units() {}

    static String spell(String text) {
        return TextNormalizer.replace(AMOUNT, text, m -> {
            String[] names = NAMES.get(m.group(2));
            boolean one = m.group(1).equals("1");
            return NumberWords.decimal(m.group(1)) + " " + (one ? names[0] : names[1]);
        });
    }
}
