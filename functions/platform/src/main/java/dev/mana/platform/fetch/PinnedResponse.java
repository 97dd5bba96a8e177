package dev.mana.platform.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/** A response whose body is still on the wire; closing it closes the connection. */
record PinnedResponse(ResponseHead head, InputStream body, Socket socket) implements AutoCloseable {

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more can be done with a socket that fails to close
        }
    }
}
