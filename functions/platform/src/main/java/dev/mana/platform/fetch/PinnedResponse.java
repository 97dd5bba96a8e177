package dev.mana.platform.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/**
 * A response whose body is still on the wire; closing it closes the connection and disarms the
 * deadline's alarm (which closes the connection itself if the body is still being read then).
 */
record PinnedResponse(ResponseHead head, InputStream body, Socket socket, DeadlineAlarm alarm)
        implements AutoCloseable {

    @Override
    public void close() {
        alarm.close();
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more can be done with a socket that fails to close
        }
    }
}
