package dev.mana.tts.voices;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;

/**
 * A {@code multipart/form-data} body (RFC 7578) read by Apache James mime4j: each part by its
 * field name, with its file name and media type. Anything that is not such a body is a 400.
 */
public final class MultipartForm {

    /** One part: a file (with a file name) or a text field. */
    public record Part(String filename, String contentType, byte[] bytes) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final Map<String, Part> parts;

    private MultipartForm(Map<String, Part> parts) {
        this.parts = Map.copyOf(parts);
    }

    public Optional<Part> part(String name) {
        return Optional.ofNullable(parts.get(name));
    }

    public static MultipartForm parse(String contentType, byte[] body) {
        if (contentType == null
                || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
                || !contentType.contains("boundary=")) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send multipart/form-data with a boundary.");
        }
        var parts = new HashMap<String, Part>();
        var parser = new MimeStreamParser(MimeConfig.PERMISSIVE);
        parser.setContentHandler(new AbstractContentHandler() {
            private String name;
            private String filename;

            @Override
            public void startHeader() {
                name = null;
                filename = null;
            }

            @Override
            public void field(Field raw) throws MimeException {
                if (!raw.getName().equalsIgnoreCase("Content-Disposition")) return;
                var field = raw instanceof RawField r ? r : new RawField(raw.getName(), raw.getBody());
                for (NameValuePair parameter :
                        RawFieldParser.DEFAULT.parseRawBody(field).getParams()) {
                    if (parameter.getName().equalsIgnoreCase("name")) name = parameter.getValue();
                    if (parameter.getName().equalsIgnoreCase("filename")) filename = parameter.getValue();
                }
            }

            @Override
            public void body(BodyDescriptor descriptor, InputStream stream) throws IOException {
                if (name != null)
                    parts.putIfAbsent(name, new Part(filename, descriptor.getMimeType(), stream.readAllBytes()));
            }
        });
        byte[] head = ("Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
            parser.parse(new SequenceInputStream(new ByteArrayInputStream(head), new ByteArrayInputStream(body)));
        } catch (MimeException | IOException | RuntimeException e) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "The multipart body could not be read.");
        }
        return new MultipartForm(parts);
    }
}
