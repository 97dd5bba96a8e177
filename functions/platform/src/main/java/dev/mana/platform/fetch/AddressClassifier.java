package dev.mana.platform.fetch;

import java.util.List;

/**
 * Decides whether an address is on the public internet. Everything else (loopback, private,
 * link-local, CGNAT, multicast, reserved, documentation ranges) is refused, including the IPv6
 * forms that embed such an IPv4 address (mapped, compatible, NAT64, 6to4).
 */
final class AddressClassifier {

    private static final List<Cidr> BLOCKED_V4 = List.of(
            Cidr.parse("0.0.0.0/8"), // "this network", unspecified
            Cidr.parse("10.0.0.0/8"),
            Cidr.parse("100.64.0.0/10"), // CGNAT
            Cidr.parse("127.0.0.0/8"),
            Cidr.parse("169.254.0.0/16"), // link-local, cloud metadata
            Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.0.0.0/24"), // IETF protocol assignments
            Cidr.parse("192.0.2.0/24"), // TEST-NET-1
            Cidr.parse("192.88.99.0/24"), // 6to4 relay anycast
            Cidr.parse("192.168.0.0/16"),
            Cidr.parse("198.18.0.0/15"), // benchmarking
            Cidr.parse("198.51.100.0/24"), // TEST-NET-2
            Cidr.parse("203.0.113.0/24"), // TEST-NET-3
            Cidr.parse("224.0.0.0/4"), // multicast
            Cidr.parse("240.0.0.0/4")); // reserved, broadcast

    // Only 2000::/3 is global unicast; the ranges outside it that embed IPv4 are handled apart.
    private static final Cidr GLOBAL_UNICAST_V6 = Cidr.parse("2000::/3");
    private static final List<Cidr> BLOCKED_V6 = List.of(
            Cidr.parse("2001::/23"), // IETF protocol assignments, Teredo included
            Cidr.parse("2001:db8::/32")); // documentation
    private static final Cidr NAT64_WELL_KNOWN = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

    private AddressClassifier() {}

    static boolean isPublic(byte[] address) {
        if (address.length == 4) {
            return BLOCKED_V4.stream().noneMatch(c -> c.contains(address));
        }
        byte[] embedded = embeddedIpv4(address);
        if (embedded != null) {
            return isPublic(embedded);
        }
        return GLOBAL_UNICAST_V6.contains(address) && BLOCKED_V6.stream().noneMatch(c -> c.contains(address));
    }

    /**
     * The IPv4 address an IPv6 address stands for: ::a.b.c.d (compatible, also :: and ::1),
     * ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (SIIT), 64:ff9b::a.b.c.d (NAT64) and
     * 2002:aabb:ccdd:: (6to4); null for any other address.
     */
    static byte[] embeddedIpv4(byte[] v6) {
        if (v6.length != 16) {
            return null;
        }
        boolean first80Zero = allZero(v6, 0, 10);
        int word5 = ((v6[10] & 0xFF) << 8) | (v6[11] & 0xFF);
        int word4 = ((v6[8] & 0xFF) << 8) | (v6[9] & 0xFF);
        if (first80Zero && (word5 == 0 || word5 == 0xFFFF)) {
            return slice(v6, 12);
        }
        if (allZero(v6, 0, 8) && word4 == 0xFFFF && word5 == 0) {
            return slice(v6, 12);
        }
        if (NAT64_WELL_KNOWN.contains(v6)) {
            return slice(v6, 12);
        }
        if (SIX_TO_FOUR.contains(v6)) {
            return slice(v6, 2);
        }
        return null;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] bytes, int from) {
        byte[] out = new byte[4];
        System.arraycopy(bytes, from, out, 0, 4);
        return out;
    }
}
