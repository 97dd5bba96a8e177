package dev.mana.platform.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Decodes an HTTP/1.1 chunked body (RFC 9112 section 7.1); trailers are read and dropped. */
final class ChunkedInputStream extends InputStream {

    private final InputStream in;
    private long remainingInChunk;
    private boolean done;

    ChunkedInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (done) {
            return -1;
        }
        if (remainingInChunk == 0) {
            remainingInChunk = nextChunkSize();
            if (remainingInChunk == 0) {
                skipTrailers();
                done = true;
                return -1;
            }
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remainingInChunk));
        if (n < 0) {
            throw new EOFException("chunked body ended early");
        }
        remainingInChunk -= n;
        if (remainingInChunk == 0) {
            HttpLines.readLine(in); // the CRLF after the chunk data
        }
        return n;
    }

    private long nextChunkSize() throws IOException {
        String line = HttpLines.readLine(in);
        if (line == null) {
            throw new EOFException("chunked body ended early");
        }
        int semicolon = line.indexOf(';');
        String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
        try {
            long size = Long.parseLong(hex, 16);
            if (size < 0) {
                throw new IOException("negative chunk size");
            }
            return size;
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk size: " + hex, e);
        }
    }

    private void skipTrailers() throws IOException {
        String line;
        while ((line = HttpLines.readLine(in)) != null && !line.isEmpty()) {
            // trailers carry nothing the fetcher needs
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
