package dev.mana.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The network a client address belongs to, for per-address limits: an attacker holds a whole
 * IPv4 /24 or IPv6 /64 as easily as one address (a /64 is what one home or VM gets), so limits
 * count the network, spelled {@code 203.0.113.0/24} or {@code 2001:db8:1:2::/64}.
 */
public final class ClientNetwork {
    private ClientNetwork() {}

    /** The address's /24 or /64; null for no or an unreadable address (then no per-address limit). */
    public static String of(String sourceIp) {
        if (sourceIp == null || sourceIp.isBlank() || !sourceIp.matches("[0-9A-Fa-f:.]+")) return null;
        try {
            // Only literal addresses reach here (the pattern above), so nothing is resolved.
            byte[] bytes = InetAddress.getByName(sourceIp).getAddress();
            if (bytes.length == 4) {
                bytes[3] = 0;
                return InetAddress.getByAddress(bytes).getHostAddress() + "/24";
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress().replaceAll("(:0)+$", "::") + "/64";
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
