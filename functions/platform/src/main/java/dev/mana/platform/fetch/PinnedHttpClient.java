package dev.mana.platform.fetch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A minimal HTTP/1.1 GET or POST over a socket connected to one exact, already-checked address.
 * java.net.http.HttpClient resolves names itself and cannot be pinned, which would reopen DNS
 * rebinding; here the host name only travels in the Host header and in TLS SNI and hostname
 * verification.
 */
final class PinnedHttpClient {

    private static final int MAX_HEADERS = 200;
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Set<String> RESERVED =
            Set.of("host", "content-length", "transfer-encoding", "connection", "expect", "upgrade", "te");

    private final String userAgent;
    private final String acceptEncoding;

    PinnedHttpClient(String userAgent, String acceptEncoding) {
        this.userAgent = userAgent;
        this.acceptEncoding = acceptEncoding;
    }

    /** A GET for a page: browser-like Accept headers, compressed bodies welcome. */
    PinnedResponse get(FetchTarget target, InetAddress address, Deadline deadline) throws IOException, FetchFailure {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1");
        headers.put("Accept-Language", "en-US,en;q=0.9");
        headers.put("Accept-Encoding", acceptEncoding);
        return send(target, address, deadline, "GET", headers, null);
    }

    /**
     * A POST of {@code body} with the caller's headers (a {@code User-Agent} among them replaces
     * the default). Host, framing and connection headers are this client's alone.
     */
    PinnedResponse post(
            FetchTarget target, InetAddress address, Deadline deadline, Map<String, String> headers, byte[] body)
            throws IOException, FetchFailure {
        return send(target, address, deadline, "POST", headers, body);
    }

    /** Connects to {@code address}, sends the request and reads the response head. */
    private PinnedResponse send(
            FetchTarget target,
            InetAddress address,
            Deadline deadline,
            String method,
            Map<String, String> headers,
            byte[] body)
            throws IOException, FetchFailure {
        String head = requestHead(method, target, headers, body);
        Socket socket = new Socket();
        // Connect, handshake, write and every read end when the deadline passes, not just each read.
        DeadlineAlarm alarm = DeadlineAlarm.closeAt(deadline, socket);
        try {
            socket.connect(new InetSocketAddress(address, target.port()), deadline.remainingMillis());
            socket.setSoTimeout(deadline.remainingMillis());
            Socket channel = target.https() ? startTls(socket, target) : socket;
            OutputStream out = channel.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) out.write(body);
            out.flush();
            InputStream in =
                    new DeadlineInputStream(new BufferedInputStream(channel.getInputStream()), socket, deadline);
            ResponseHead response = readHead(in);
            return new PinnedResponse(response, bodyOf(response, in), channel, alarm);
        } catch (IOException | FetchFailure | RuntimeException e) {
            alarm.close();
            socket.close();
            throw e;
        }
    }

    private static Socket startTls(Socket plain, FetchTarget target) throws IOException {
        SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
        SSLSocket tls = (SSLSocket) factory.createSocket(plain, target.host(), target.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        // Verifies the certificate against the URL's host although we dialled an address.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (target.literalAddress() == null) {
            parameters.setServerNames(List.of(new SNIHostName(target.host())));
        }
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    private String requestHead(String method, FetchTarget target, Map<String, String> headers, byte[] body) {
        var head = new StringBuilder(256)
                .append(method)
                .append(' ')
                .append(target.requestTarget())
                .append(" HTTP/1.1\r\n");
        head.append("Host: ").append(target.hostHeader()).append("\r\n");
        boolean ownAgent = false;
        for (var header : headers.entrySet()) {
            String name = header.getKey();
            checkHeader(name, header.getValue());
            ownAgent |= name.equalsIgnoreCase("user-agent");
            head.append(name).append(": ").append(header.getValue()).append("\r\n");
        }
        if (!ownAgent) head.append("User-Agent: ").append(userAgent).append("\r\n");
        if (body != null) head.append("Content-Length: ").append(body.length).append("\r\n");
        return head.append("Connection: close\r\n\r\n").toString();
    }

    /** Refuses header injection and headers that would contradict the framing written here. */
    private static void checkHeader(String name, String value) {
        if (!TOKEN.matcher(name).matches() || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("header not allowed: " + name);
        }
        if (value == null || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0 || c > 0xff)) {
            throw new IllegalArgumentException("bad value for header " + name);
        }
    }

    private static ResponseHead readHead(InputStream in) throws IOException {
        while (true) {
            String statusLine = HttpLines.readLine(in);
            if (statusLine == null) {
                throw new IOException("connection closed before a response");
            }
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x response");
            }
            int status = parseStatus(parts[1]);
            Map<String, List<String>> headers = readHeaders(in);
            // Interim 1xx answers are followed by the real one.
            if (status >= 200 || status == 101) {
                return new ResponseHead(status, headers);
            }
        }
    }

    private static int parseStatus(String code) throws IOException {
        try {
            return Integer.parseInt(code.trim());
        } catch (NumberFormatException e) {
            throw new IOException("bad status code", e);
        }
    }

    private static Map<String, List<String>> readHeaders(InputStream in) throws IOException {
        Map<String, List<String>> headers = new HashMap<>();
        for (int i = 0; ; i++) {
            String line = HttpLines.readLine(in);
            if (line == null || line.isEmpty()) {
                return headers;
            }
            if (i >= MAX_HEADERS) {
                throw new IOException("too many headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.computeIfAbsent(name, k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
    }

    private static InputStream bodyOf(ResponseHead head, InputStream in) throws IOException {
        if (head.status() == 204 || head.status() == 304) {
            return InputStream.nullInputStream();
        }
        String transferEncoding = head.header("transfer-encoding");
        if (transferEncoding != null
                && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return new ChunkedInputStream(in);
        }
        String length = head.header("content-length");
        if (length != null) {
            try {
                return new BoundedInputStream(in, Long.parseLong(length.trim()));
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length", e);
            }
        }
        return in; // read until the server closes, as HTTP/1.1 allows without framing
    }
}
