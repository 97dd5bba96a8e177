package dev.mana.platform.fetch;

import dev.mana.platform.fetch.FetchFailure.Reason;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Resolves a host once and refuses it unless every address it resolves to is public or inside
 * an allowed range. The caller connects to the returned address, so a second DNS answer (DNS
 * rebinding) can never be used. Resolution waits no longer than the fetch's deadline: the
 * system resolver has no timeout of its own that a caller can set, so it runs on a lookup thread
 * that is abandoned (it ends when the resolver gives up) when the deadline passes.
 */
final class AddressGuard {

    private static final ExecutorService LOOKUPS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fetch-dns");
        thread.setDaemon(true);
        return thread;
    });

    private final List<Cidr> allowCidrs;
    private final HostResolver resolver;

    AddressGuard(List<Cidr> allowCidrs, HostResolver resolver) {
        this.allowCidrs = allowCidrs;
        this.resolver = resolver;
    }

    InetAddress resolveChecked(FetchTarget target, Deadline deadline) throws FetchFailure {
        InetAddress[] addresses = target.literalAddress() != null
                ? new InetAddress[] {target.literalAddress()}
                : resolve(target.host(), deadline);
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

    private InetAddress[] resolve(String host, Deadline deadline) throws FetchFailure {
        Future<InetAddress[]> lookup = LOOKUPS.submit(() -> resolver.resolve(host));
        try {
            return lookup.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new FetchFailure(Reason.TIMEOUT, "the fetch timed out resolving " + host, e);
        } catch (InterruptedException e) {
            lookup.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchFailure(Reason.TIMEOUT, "interrupted while resolving " + host, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw new FetchFailure(Reason.CONNECTION, "host does not resolve: " + host, unknown);
            }
            throw new FetchFailure(Reason.CONNECTION, "host does not resolve: " + host, e.getCause());
        } catch (FetchFailure e) {
            lookup.cancel(true);
            throw e;
        }
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
