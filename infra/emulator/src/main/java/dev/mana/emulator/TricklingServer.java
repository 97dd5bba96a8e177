package dev.mana.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile peer on 127.0.0.1: it accepts connections, reads whatever the client sends, and
 * answers one byte a second, so no single read ever waits long enough to trip a socket timeout.
 * {@link #tlsHandshake()} answers a TLS ClientHello with the first bytes of a 16 KiB handshake
 * record (the client waits for the whole record); {@link #httpHead()} answers a request with an
 * endless HTTP header.
 */
public final class TricklingServer implements AutoCloseable {
    /** A TLS 1.2 handshake record of 16 KiB, then the start of a ServerHello. */
    private static final byte[] TLS_RECORD = {0x16, 0x03, 0x03, 0x40, 0x00, 0x02, 0x00, 0x3f, (byte) 0xfc, 0x03, 0x03};

    private static final byte[] HTTP_HEAD =
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "trickling-server");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger connections = new AtomicInteger();

    private TricklingServer(byte[] opening) throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        threads.execute(() -> accept(opening));
    }

    /** Trickles a TLS server's first handshake record: an https:// URL to it never gets a ServerHello. */
    public static TricklingServer tlsHandshake() throws IOException {
        return new TricklingServer(TLS_RECORD);
    }

    /** Trickles an HTTP response head that never ends. */
    public static TricklingServer httpHead() throws IOException {
        return new TricklingServer(HTTP_HEAD);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code scheme://127.0.0.1:port path}. */
    public String url(String scheme, String path) {
        return scheme + "://127.0.0.1:" + port() + path;
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    private void accept(byte[] opening) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                threads.execute(() -> drain(socket));
                threads.execute(() -> trickle(socket, opening));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void drain(Socket socket) {
        try (InputStream in = socket.getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the client hung up
        }
    }

    private static void trickle(Socket socket, byte[] opening) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            for (int i = 0; !socket.isClosed(); i++) {
                out.write(i < opening.length ? opening[i] : 'a');
                out.flush();
                Thread.sleep(1000);
            }
        } catch (IOException e) {
            // the client hung up: what this server waits for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // nothing to do
        }
        threads.shutdownNow();
    }
}
