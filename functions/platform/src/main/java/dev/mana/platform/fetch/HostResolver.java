package dev.mana.platform.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name resolution, a seam so tests can prove that the fetcher resolves each hop exactly once. */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
