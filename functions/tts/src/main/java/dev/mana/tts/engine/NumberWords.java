package dev.mana.tts.engine;

import com.ibm.icu.text.RuleBasedNumberFormat;
import java.util.Locale;

/** Numbers as English words, by ICU's spell-out rules: cardinals, ordinals, years, digits. */
public final class NumberWords {

    private static final ThreadLocal<RuleBasedNumberFormat> SPELLOUT =
            ThreadLocal.withInitial(() -> new RuleBasedNumberFormat(Locale.US, RuleBasedNumberFormat.SPELLOUT));
    private static final String[] DIGITS = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"
    };

    private NumberWords() {}

    public static String cardinal(long number) {
        return SPELLOUT.get().format(number, "%spellout-numbering");
    }

    public static String ordinal(long number) {
        return SPELLOUT.get().format(number, "%spellout-ordinal");
    }

    /** 1999 "nineteen ninety-nine", 2005 "two thousand five", 2024 "twenty twenty-four". */
    public static String year(long year) {
        return SPELLOUT.get().format(year, "%spellout-numbering-year");
    }

    /** "one four" for "14": decimals after the point are read digit by digit. */
    public static String digits(String digits) {
        var words = new StringBuilder();
        for (char c : digits.toCharArray()) {
            if (words.length() > 0) words.append(' ');
            words.append(DIGITS[c - '0']);
        }
        return words.toString();
    }

    /** "3.14" as "three point one four", "-2" as "minus two". */
    public static String decimal(String number) {
        boolean negative = number.startsWith("-");
        String unsigned = negative ? number.substring(1) : number;
        int point = unsigned.indexOf('.');
        String whole = point < 0 ? unsigned : unsigned.substring(0, point);
        String words = whole.isEmpty() ? "zero" : cardinal(Long.parseLong(whole));
        if (point >= 0 && point < unsigned.length() - 1) words += " point " + digits(unsigned.substring(point + 1));
        return negative ? "minus " + words : words;
    }
}
