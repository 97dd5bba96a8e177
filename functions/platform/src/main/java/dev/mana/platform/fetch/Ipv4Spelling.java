package dev.mana.platform.fetch;

import java.util.Optional;

/**
 * Reads the legacy IPv4 spellings that browsers and inet_aton accept ({@code 2130706433},
 * {@code 0x7f.1}, {@code 017700000001}, {@code 127.1}) so that none of them slips past the
 * address guard as if it were a host name.
 */
final class Ipv4Spelling {

    private Ipv4Spelling() {}

    /**
     * The address the host denotes when it is numeric, empty when it is a name.
     *
     * @throws IllegalArgumentException when the host is numeric but no valid IPv4 address
     */
    static Optional<byte[]> parse(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (h.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = h.split("\\.", -1);
        // As in the WHATWG URL parser: a host is IPv4 when its last label is numeric.
        if (parseNumber(parts[parts.length - 1]) < 0) {
            return Optional.empty();
        }
        if (parts.length > 4) {
            throw new IllegalArgumentException("too many parts in numeric host");
        }
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = parseNumber(parts[i]);
            if (numbers[i] < 0) {
                throw new IllegalArgumentException("mixed numeric and name labels");
            }
            if (i < parts.length - 1 && numbers[i] > 255) {
                throw new IllegalArgumentException("part out of range");
            }
        }
        int lastBytes = 5 - parts.length;
        long last = numbers[parts.length - 1];
        if (last >= (1L << (8 * lastBytes))) {
            throw new IllegalArgumentException("last part out of range");
        }
        byte[] address = new byte[4];
        for (int i = 0; i < parts.length - 1; i++) {
            address[i] = (byte) numbers[i];
        }
        for (int i = 0; i < lastBytes; i++) {
            address[3 - i] = (byte) (last >>> (8 * i));
        }
        return Optional.of(address);
    }

    /** A label's value in decimal, octal (leading 0) or hex (0x), or -1 when it is not a number. */
    private static long parseNumber(String label) {
        if (label.isEmpty()) {
            return -1;
        }
        int radix = 10;
        String digits = label;
        if (label.length() >= 2 && (label.startsWith("0x") || label.startsWith("0X"))) {
            radix = 16;
            digits = label.substring(2);
            if (digits.isEmpty()) {
                return 0;
            }
        } else if (label.length() >= 2 && label.startsWith("0")) {
            radix = 8;
            digits = label.substring(1);
        }
        if (digits.length() > 32) {
            return Long.MAX_VALUE;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0) {
                return -1;
            }
        }
        try {
            return Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
