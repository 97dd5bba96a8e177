package dev.mana.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * A {@code multipart/form-data} body (RFC 7578), as OpenAI's audio routes and voice uploads take
 * it, read by Apache James mime4j: the parts in order, each with its field name, file name and
 * media type. A request that is not such a body is a 415; one that cannot be read (no closing
 * boundary: a truncated upload) a 400.
 */
public final class MultipartForm {

    /** One part: its field name, the file name when it is a file, its media type and bytes. */
    public record Part(String name, Optional<String> filename, String contentType, byte[] bytes) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final List<Part> parts;

    private MultipartForm(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    public static MultipartForm parse(ApiRequest request) {
        return parse(request.header("Content-Type").orElse(null), request.body());
    }

    public static MultipartForm parse(String contentType, byte[] body) {
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                || !contentType.toLowerCase(Locale.ROOT).contains("boundary=")) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send multipart/form-data with a boundary.");
        }
        var parts = new ArrayList<Part>();
        var ended = new boolean[1];
        // Strict: a body that ends before its closing boundary is an error, not a shorter part.
        var parser =
                new MimeStreamParser(MimeConfig.custom().setStrictParsing(true).build());
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
                if (name != null) {
                    parts.add(new Part(
                            name, Optional.ofNullable(filename), descriptor.getMimeType(), stream.readAllBytes()));
                }
            }

            @Override
            public void endMultipart() {
                ended[0] = true;
            }
        });
        byte[] head = ("Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
            parser.parse(new SequenceInputStream(new ByteArrayInputStream(head), new ByteArrayInputStream(body)));
        } catch (MimeException | IOException | RuntimeException e) {
            throw malformed(
                    "it could not be read as multipart/form-data (was the upload truncated before its closing boundary?)");
        }
        if (!ended[0]) throw malformed("the body ends before its closing boundary (truncated upload?)");
        return new MultipartForm(parts);
    }

    private static ApiException malformed(String why) {
        return new ApiException(ErrorCode.MALFORMED_JSON, "The multipart body is malformed: " + why + ".");
    }

    /** The first part named {@code name}. */
    public Optional<Part> part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Every part named {@code name} (e.g. {@code timestamp_granularities[]}). */
    public List<Part> all(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).toList();
    }

    /** A text field, stripped; empty when absent or blank. */
    public Optional<String> text(String name) {
        return part(name).map(Part::text).map(String::strip).filter(s -> !s.isEmpty());
    }

    public List<String> names() {
        return parts.stream().map(Part::name).toList();
    }
}
