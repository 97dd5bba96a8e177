package dev.mana.platform.fetch;

import dev.mana.platform.fetch.FetchFailure.Reason;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host once and refuses it unless every address it resolves to is public or inside
 * an allowed range. The caller connects to the returned address, so a second DNS answer (DNS
 * rebinding) can never be used.
 */
final class AddressGuard {

    private final List<Cidr> allowCidrs;
    private final HostResolver resolver;

    AddressGuard(List<Cidr> allowCidrs, HostResolver resolver) {
        this.allowCidrs = allowCidrs;
        this.resolver = resolver;
    }

    InetAddress resolveChecked(FetchTarget target) throws FetchFailure {
        InetAddress[] addresses;
        if (target.literalAddress() != null) {
            addresses = new InetAddress[] {target.literalAddress()};
        } else {
            try {
                addresses = resolver.resolve(target.host());
            } catch (UnknownHostException e) {
                throw new FetchFailure(Reason.CONNECTION, "host does not resolve: " + target.host(), e);
            }
        }
        if (addresses == null || addresses.length == 0) {
            throw new FetchFailure(Reason.CONNECTION, "host does not resolve: " + target.host());
        }
        // Refuse when any answer is private: a mixed answer is a classic way to sneak one in.
        for (InetAddress address : addresses) {
            if (!isAllowed(address)) {
                throw new FetchFailure(Reason.BLOCKED_ADDRESS, "address is not public: " + target.host());
            }
        }
        return addresses[0];
    }

    boolean isAllowed(InetAddress address) {
        byte[] bytes = address.getAddress();
        byte[] embedded = AddressClassifier.embeddedIpv4(bytes);
        for (Cidr cidr : allowCidrs) {
            if (cidr.contains(bytes) || (embedded != null && cidr.contains(embedded))) {
                return true;
            }
        }
        return AddressClassifier.isPublic(bytes);
    }
}
