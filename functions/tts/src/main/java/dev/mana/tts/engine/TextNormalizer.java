package dev.mana.tts.engine;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Written text as it is said, before phonemes: abbreviations, dates, times, money, percentages,
 * units, ordinals, years and other numbers become words (espeak-ng reads "$5.50" as "dollar five
 * point five zero" and "3 km" as "three k m"). Passes run from the most specific to the least, so
 * a date's digits are not read as a plain number first.
 */
public final class TextNormalizer {

    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("Dr.", "Doctor"),
            Map.entry("Mr.", "Mister"),
            Map.entry("Mrs.", "Missus"),
            Map.entry("Ms.", "Miss"),
            Map.entry("Prof.", "Professor"),
            Map.entry("St.", "Saint"),
            Map.entry("Jr.", "Junior"),
            Map.entry("Sr.", "Senior"),
            Map.entry("vs.", "versus"),
            Map.entry("etc.", "et cetera"),
            Map.entry("e.g.", "for example"),
            Map.entry("i.e.", "that is"),
            Map.entry("approx.", "approximately"),
            Map.entry("Inc.", "Incorporated"),
            Map.entry("Ltd.", "Limited"));
    private static final Pattern ABBREVIATION =
            Pattern.compile("(?<![\\w.])(Dr|Mr|Mrs|Ms|Prof|St|Jr|Sr|vs|etc|e\\.g|i\\.e|approx|Inc|Ltd)\\.(?=\\s|$|,)");
    private static final Pattern NUMBER_SIGN = Pattern.compile("\\bNo\\.\\s*(?=\\d)");

    private static final String[] MONTHS = {
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December"
    };
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])\\b");
    private static final Pattern MONTH_DAY =
            Pattern.compile("\\b(January|February|March|April|May|June|July|August|September|October|November|December)"
                    + " (\\d{1,2})(?:st|nd|rd|th)?\\b");
    private static final Pattern TIME =
            Pattern.compile("\\b([01]?\\d|2[0-3]):([0-5]\\d)(?::[0-5]\\d)?(?:\\s*([AaPp])\\.?[Mm]\\.?\\b)?");
    private static final Pattern MONEY = Pattern.compile("([$€£])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{1,2}))?\\b");
    private static final Pattern PERCENT = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s?%");
    private static final Pattern ORDINAL = Pattern.compile("\\b(\\d+)(st|nd|rd|th)\\b");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d.,])(1[1-9]\\d\\d|20\\d\\d)(s?)(?![\\d.,]\\d)");
    private static final Pattern GROUPED = Pattern.compile("\\b\\d{1,3}(?:,\\d{3})+\\b");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?(?![\\w])|\\b\\d+\\b");

    private TextNormalizer() {}

    public static String normalize(String text) {
        String out = text.replace('\u2018', '\'').replace('\u2019', '\'');
        out = replace(ABBREVIATION, out, m -> ABBREVIATIONS.get(m.group(1) + "."));
        out = NUMBER_SIGN.matcher(out).replaceAll("number ");
        out = replace(
                ISO_DATE,
                out,
                m -> MONTHS[Integer.parseInt(m.group(2)) - 1] + " " + NumberWords.ordinal(Integer.parseInt(m.group(3)))
                        + ", " + NumberWords.year(Long.parseLong(m.group(1))));
        out = replace(MONTH_DAY, out, m -> m.group(1) + " " + NumberWords.ordinal(Integer.parseInt(m.group(2))));
        out = replace(TIME, out, TextNormalizer::time);
        out = replace(MONEY, out, TextNormalizer::money);
        out = replace(PERCENT, out, m -> NumberWords.decimal(m.group(1)) + " percent");
        out = Units.spell(out);
        out = replace(ORDINAL, out, m -> NumberWords.ordinal(Long.parseLong(m.group(1))));
        out = replace(YEAR, out, m -> year(m.group(1), !m.group(2).isEmpty()));
        out = replace(
                GROUPED, out, m -> NumberWords.cardinal(Long.parseLong(m.group().replace(",", ""))));
        out = replace(NUMBER, out, m -> words(m.group()));
        return out;
    }

    /** A number of up to 18 digits as words; longer runs (card numbers, ids) digit by digit. */
    static String words(String number) {
        String digitsOnly = number.replace("-", "").replace(".", "");
        return digitsOnly.length() > 18 ? NumberWords.digits(digitsOnly) : NumberWords.decimal(number);
    }

    private static String year(String digits, boolean decade) {
        String words = NumberWords.year(Long.parseLong(digits));
        if (!decade) return words;
        // "1990s": the last word in its plural, "nineties".
        return words.endsWith("y") ? words.substring(0, words.length() - 1) + "ies" : words + "s";
    }

    /** "3:05 pm" "three oh five p m", "9:00" "nine o'clock", "15:30" "fifteen thirty", "18:00" "eighteen hundred". */
    private static String time(Matcher m) {
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        String said = NumberWords.cardinal(hour);
        if (minute > 0)
            said += minute < 10 ? " oh " + NumberWords.cardinal(minute) : " " + NumberWords.cardinal(minute);
        if (m.group(3) != null) return said + (m.group(3).equalsIgnoreCase("a") ? " a m" : " p m");
        if (minute == 0) said += hour <= 12 ? " o'clock" : " hundred";
        return said;
    }

    private static String money(Matcher m) {
        long whole = Long.parseLong(m.group(2).replace(",", ""));
        String[] names = switch (m.group(1)) {
            case "$" -> new String[] {"dollar", "dollars", "cent", "cents"};
            case "€" -> new String[] {"euro", "euros", "cent", "cents"};
            default -> new String[] {"pound", "pounds", "penny", "pence"};
        };
        String said = NumberWords.cardinal(whole) + " " + (whole == 1 ? names[0] : names[1]);
        if (m.group(3) == null) return said;
        int cents = Integer.parseInt(m.group(3).length() == 1 ? m.group(3) + "0" : m.group(3));
        if (cents == 0) return said;
        return said + " and " + NumberWords.cardinal(cents) + " " + (cents == 1 ? names[2] : names[3]);
    }

    static String replace(Pattern pattern, String text, Function<Matcher, String> words) {
        Matcher m = pattern.matcher(text);
        var out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(words.apply(m)));
        m.appendTail(out);
        return out.toString();
    }
}
