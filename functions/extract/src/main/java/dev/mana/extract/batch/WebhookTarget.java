package dev.mana.extract.batch;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Json;
import dev.mana.platform.fetch.Cidr;
import dev.mana.platform.fetch.HostResolver;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A job's {@code webhook {url, events?, metadata?}}, checked before the job is created: an absolute
 * https URL (http only to an allowed range, for local tests) whose host resolves only to public
 * addresses, or to the ranges {@code MANA_FETCH_ALLOW_CIDRS} lets through, as the fetcher's SSRF
 * guard does. Deliveries check the address again when they connect. A refusal is a 422 naming
 * the field ({@code webhook.url}, {@code webhook.events[i]}, {@code webhook.metadata}).
 */
public final class WebhookTarget {
    /** The request's {@code webhook} as sent. */
    public record WebhookBody(String url, List<String> events, Map<String, Object> metadata) {}

    public static final Set<String> EVENTS = Set.of("job.succeeded", "job.failed", "job.canceled");
    static final int MAX_URL = 2048;
    static final int MAX_METADATA_BYTES = 2048;

    // Ranges a webhook must never reach, beyond what InetAddress classifies (loopback, link and
    // site local, any, multicast): shared NAT, "this network", IETF, benchmarking, reserved, IPv6
    // unique local, 6to4 and NAT64 (which embed IPv4 addresses).
    private static final List<Cidr> BLOCKED = List.of(
            Cidr.parse("0.0.0.0/8"),
            Cidr.parse("100.64.0.0/10"),
            Cidr.parse("192.0.0.0/24"),
            Cidr.parse("198.18.0.0/15"),
            Cidr.parse("240.0.0.0/4"),
            Cidr.parse("fc00::/7"),
            Cidr.parse("2002::/16"),
            Cidr.parse("64:ff9b::/96"));
    private static final Cidr GLOBAL_UNICAST_V6 = Cidr.parse("2000::/3");

    private final List<Cidr> allowed;
    private final HostResolver resolver;

    public WebhookTarget(List<Cidr> allowed, HostResolver resolver) {
        this.allowed = List.copyOf(allowed);
        this.resolver = resolver;
    }

    /** The webhook to store with the job; null when none was sent. */
    public dev.mana.platform.jobs.Job.Webhook check(WebhookBody body) {
        if (body == null) return null;
        if (body.url() == null) {
            throw ApiException.field(ErrorCode.MISSING_FIELD, "webhook.url", "The field 'webhook.url' is required.");
        }
        checkUrl(body.url().strip());
        List<String> events = body.events() == null ? List.of() : body.events();
        for (int i = 0; i < events.size(); i++) {
            if (!EVENTS.contains(events.get(i))) {
                throw invalid(
                        "webhook.events[" + i + "]", "Unknown event; use job.succeeded, job.failed or job.canceled.");
            }
        }
        if (body.metadata() != null && Json.write(body.metadata()).length() > MAX_METADATA_BYTES) {
            throw invalid("webhook.metadata", "webhook.metadata is at most " + MAX_METADATA_BYTES + " bytes of JSON.");
        }
        var metadata = new java.util.LinkedHashMap<String, Object>();
        if (body.metadata() != null)
            body.metadata().forEach((k, v) -> {
                if (v != null) metadata.put(k, v);
            });
        return new dev.mana.platform.jobs.Job.Webhook(
                body.url().strip(), events.stream().distinct().toList(), metadata);
    }

    private void checkUrl(String url) {
        if (url.isEmpty() || url.length() > MAX_URL) {
            throw invalid("webhook.url", "webhook.url must be an https URL of at most " + MAX_URL + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("webhook.url", "webhook.url is not a valid URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute()
                || uri.isOpaque()
                || uri.getHost() == null
                || uri.getHost().isEmpty()) {
            throw invalid(
                    "webhook.url", "webhook.url must be absolute with a host, such as https://example.com/hooks.");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("webhook.url", "webhook.url must not carry credentials.");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw invalid("webhook.url", "webhook.url must be an https URL.");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw invalid("webhook.url", "webhook.url's host does not resolve.").with("reason", "unresolvable");
        }
        boolean allAllowed = addresses.length > 0;
        for (InetAddress address : addresses) {
            boolean allow = isAllowed(address);
            if (!allow && !isPublic(address)) {
                throw invalid("webhook.url", "webhook.url must reach a public address, not a private or local one.")
                        .with("reason", "blocked_address");
            }
            allAllowed &= allow;
        }
        if (addresses.length == 0) {
            throw invalid("webhook.url", "webhook.url's host does not resolve.").with("reason", "unresolvable");
        }
        if (scheme.equals("http") && !allAllowed) {
            throw invalid("webhook.url", "webhook.url must be an https URL.").with("reason", "insecure_scheme");
        }
    }

    private boolean isAllowed(InetAddress address) {
        return allowed.stream().anyMatch(c -> c.contains(address));
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        if (address instanceof Inet6Address && !GLOBAL_UNICAST_V6.contains(address)) return false;
        return BLOCKED.stream().noneMatch(c -> c.contains(address));
    }

    private static ApiException invalid(String field, String message) {
        return ApiException.field(ErrorCode.INVALID_FIELD, field, message);
    }
}
