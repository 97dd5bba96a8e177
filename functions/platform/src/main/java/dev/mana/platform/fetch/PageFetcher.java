package dev.mana.platform.fetch;

import dev.mana.platform.fetch.FetchFailure.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;

/**
 * The one guarded way to fetch a page (or POST a webhook): http(s) only, every redirect hop re-checked against the
 * SSRF guard, connections pinned to the checked address, body capped, decoded and converted to
 * text. Thread-safe; build once and share.
 */
public final class PageFetcher {

    private final FetchPolicy policy;
    private final AddressGuard guard;
    private final PinnedHttpClient client;

    public PageFetcher(FetchPolicy policy) {
        this(policy, HostResolver.SYSTEM);
    }

    public PageFetcher(FetchPolicy policy, HostResolver resolver) {
        this.policy = policy;
        this.guard = new AddressGuard(policy.allowCidrs(), resolver);
        this.client = new PinnedHttpClient(policy.userAgent(), ContentDecoding.ACCEPT_ENCODING);
    }

    /**
     * Checks a URL the way a fetch would, without connecting: http(s), well formed, and every
     * address its host resolves to public or allowed. For URLs taken now and fetched later
     * (webhooks), so a bad one is refused when it is given; the fetch checks again.
     */
    public void check(String url) throws FetchFailure {
        guard.resolveChecked(FetchTarget.parse(url), Deadline.after(policy.timeout()));
    }

    public FetchedPage fetch(String url) throws FetchFailure {
        return fetch(url, policy.timeout());
    }

    /** Fetches with a per-request timeout covering resolution, redirects and the body. */
    public FetchedPage fetch(String url, Duration timeout) throws FetchFailure {
        Deadline deadline = Deadline.after(timeout);
        FetchTarget target = FetchTarget.parse(url);
        URI requested = target.uri();
        for (int redirects = 0; ; redirects++) {
            InetAddress address = guard.resolveChecked(target, deadline);
            try (PinnedResponse response = client.get(target, address, deadline)) {
                ResponseHead head = response.head();
                if (head.isRedirect()) {
                    if (redirects >= policy.maxRedirects()) {
                        throw new FetchFailure(
                                Reason.TOO_MANY_REDIRECTS, "more than " + policy.maxRedirects() + " redirects");
                    }
                    target = FetchTarget.of(resolveLocation(target.uri(), head.header("location")));
                    continue;
                }
                if (head.status() < 200 || head.status() > 299) {
                    throw FetchFailure.upstreamStatus(head.status());
                }
                return readPage(requested, target.uri(), head, response.body());
            } catch (IOException e) {
                throw failureOf(e, deadline);
            }
        }
    }

    /**
     * POSTs {@code body} through the same guard, pinning and timeout as {@link #fetch}, for
     * webhooks. Redirects are never followed: a 3xx comes back as it is, which {@link
     * PostResponse#successful()} does not count. Any status is returned; only failing to get one
     * throws.
     *
     * @param headers sent as given (a {@code User-Agent} replaces the policy's); Host, framing and
     *     connection headers are refused
     * @throws FetchFailure the URL is invalid or not public, the body is over the policy's cap, or
     *     no response came (connection, TLS, timeout)
     */
    public PostResponse post(URI url, byte[] body, Map<String, String> headers, Duration timeout) throws FetchFailure {
        Deadline deadline = Deadline.after(timeout);
        FetchTarget target = FetchTarget.of(url);
        if (body.length > policy.maxBytes()) {
            throw new FetchFailure(Reason.TOO_LARGE, "the body is larger than " + policy.maxBytes() + " bytes");
        }
        InetAddress address = guard.resolveChecked(target, deadline);
        try (PinnedResponse response = client.post(target, address, deadline, headers, body)) {
            return new PostResponse(response.head().status(), PostResponse.excerpt(response.body()));
        } catch (IOException e) {
            throw failureOf(e, deadline);
        }
    }

    private FetchFailure failureOf(IOException e, Deadline deadline) {
        if (deadline.passed()) {
            // Whatever the I/O error says, the deadline's alarm closed the connection.
            return new FetchFailure(Reason.TIMEOUT, "the fetch timed out", e);
        }
        return switch (e) {
            case SocketTimeoutException t -> new FetchFailure(Reason.TIMEOUT, "the fetch timed out", t);
            case TooLargeException t ->
                new FetchFailure(Reason.TOO_LARGE, "the page is larger than " + policy.maxBytes() + " bytes", t);
            case SSLException t -> new FetchFailure(Reason.TLS, "TLS failed: " + t.getMessage(), t);
            case ConnectException t -> new FetchFailure(Reason.CONNECTION, "could not connect", t);
            case NoRouteToHostException t -> new FetchFailure(Reason.CONNECTION, "could not connect", t);
            default -> new FetchFailure(Reason.CONNECTION, "connection failed: " + e.getMessage(), e);
        };
    }

    private FetchedPage readPage(URI requested, URI finalUrl, ResponseHead head, InputStream body)
            throws IOException, FetchFailure {
        MediaType mediaType = MediaType.parse(head.header("content-type"));
        if (!mediaType.isExtractable()) {
            throw new FetchFailure(Reason.UNSUPPORTED_CONTENT_TYPE, "unsupported content type: " + mediaType.type());
        }
        String declaredLength = head.header("content-length");
        if (declaredLength != null && parseLong(declaredLength) > policy.maxBytes()) {
            throw new TooLargeException(policy.maxBytes());
        }
        byte[] bytes;
        try {
            InputStream raw = new CappedInputStream(body, policy.maxBytes());
            // Capped again after decoding: a small gzip body can expand a thousandfold.
            InputStream decoded = new CappedInputStream(
                    ContentDecoding.decode(raw, head.header("content-encoding")), policy.maxBytes());
            bytes = readAll(decoded);
        } catch (ZipException e) {
            throw new FetchFailure(Reason.CONNECTION, "the body could not be decoded", e);
        }
        CharsetSniffer.Sniffed sniffed = CharsetSniffer.sniff(bytes, bytes.length, mediaType.charset());
        Charset charset = sniffed.charset();
        String text = new String(bytes, sniffed.bomLength(), bytes.length - sniffed.bomLength(), charset);
        String type = mediaType.type().isEmpty() ? "text/html" : mediaType.type();
        return new FetchedPage(requested, finalUrl, head.status(), type, charset.name(), text);
    }

    private static URI resolveLocation(URI base, String location) throws FetchFailure {
        try {
            return base.resolve(new URI(location.trim()));
        } catch (Exception e) {
            throw new FetchFailure(Reason.INVALID_URL, "redirect to a malformed URL", e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        in.transferTo(out);
        return out.toByteArray();
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
