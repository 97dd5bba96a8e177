package dev.mana.platform.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Shrinks the socket's read timeout to what is left of the deadline before every read, so a
 * server that trickles bytes cannot hold the fetch past its timeout.
 */
final class DeadlineInputStream extends FilterInputStream {

    private final Socket socket;
    private final Deadline deadline;

    DeadlineInputStream(InputStream in, Socket socket, Deadline deadline) {
        super(in);
        this.socket = socket;
        this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
        arm();
        return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        arm();
        return in.read(buffer, offset, length);
    }

    private void arm() throws IOException {
        try {
            socket.setSoTimeout(deadline.remainingMillis());
        } catch (FetchFailure e) {
            throw new SocketTimeoutException("deadline passed");
        }
    }
}
