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
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;

/**
 * The one guarded way to fetch a page: http(s) only, every redirect hop re-checked against the
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

    public FetchedPage fetch(String url) throws FetchFailure {
        return fetch(url, policy.timeout());
    }

    /** Fetches with a per-request timeout covering resolution, redirects and the body. */
    public FetchedPage fetch(String url, Duration timeout) throws FetchFailure {
        Deadline deadline = Deadline.after(timeout);
        FetchTarget target = FetchTarget.parse(url);
        URI requested = target.uri();
        for (int redirects = 0; ; redirects++) {
            InetAddress address = guard.resolveChecked(target);
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
            } catch (SocketTimeoutException e) {
                throw new FetchFailure(Reason.TIMEOUT, "the fetch timed out", e);
            } catch (TooLargeException e) {
                throw new FetchFailure(Reason.TOO_LARGE, "the page is larger than " + policy.maxBytes() + " bytes", e);
            } catch (SSLException e) {
                throw new FetchFailure(Reason.TLS, "TLS failed: " + e.getMessage(), e);
            } catch (ConnectException | NoRouteToHostException e) {
                throw new FetchFailure(Reason.CONNECTION, "could not connect", e);
            } catch (IOException e) {
                throw new FetchFailure(Reason.CONNECTION, "connection failed: " + e.getMessage(), e);
            }
        }
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
