package dev.mana.stt.api;

import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (RFC 7578) as OpenAI's audio routes take it: text fields
 * and one file. Malformed bodies are a 400 naming what is wrong.
 */
public final class MultipartForm {

    /** One part: its field name, the file name when it is a file, its type and bytes. */
    public record Part(String name, Optional<String> filename, String contentType, byte[] bytes) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"?)([^\";]+)\\1", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private final List<Part> parts;

    private MultipartForm(List<Part> parts) {
        this.parts = parts;
    }

    public static MultipartForm parse(ApiRequest request) {
        String type = request.header("Content-Type").orElse("");
        Matcher boundary = BOUNDARY.matcher(type);
        if (!type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data") || !boundary.find()) {
            throw new ApiException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the audio as multipart/form-data with a boundary.");
        }
        return new MultipartForm(split(request.body(), ("--" + boundary.group(2)).getBytes(StandardCharsets.US_ASCII)));
    }

    private static List<Part> split(byte[] body, byte[] delimiter) {
        List<Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw malformed("the boundary never appears in the body");
        }
        while (true) {
            int afterDelimiter = at + delimiter.length;
            if (afterDelimiter + 1 < body.length && body[afterDelimiter] == '-' && body[afterDelimiter + 1] == '-') {
                return parts; // the closing delimiter
            }
            int headersStart = afterDelimiter + 2; // CRLF after the delimiter
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), headersStart);
            if (headersEnd < 0) {
                throw malformed("a part has no end of headers");
            }
            int next = indexOf(body, delimiter, headersEnd + 4);
            if (next < 0) {
                throw malformed("the body ends before its closing boundary (truncated upload?)");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            byte[] content = Arrays.copyOfRange(body, headersEnd + 4, Math.max(headersEnd + 4, next - 2));
            parts.add(part(headers, content));
            at = next;
        }
    }

    private static Part part(String headers, byte[] content) {
        String disposition = "";
        String contentType = "application/octet-stream";
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-disposition")) {
                disposition = value;
            } else if (name.equals("content-type")) {
                contentType = value;
            }
        }
        Matcher name = NAME.matcher(disposition);
        if (!name.find()) {
            throw malformed("a part has no Content-Disposition name");
        }
        Matcher filename = FILENAME.matcher(disposition);
        return new Part(
                name.group(1),
                filename.find() ? Optional.of(filename.group(1)) : Optional.empty(),
                contentType,
                content);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static ApiException malformed(String why) {
        return new ApiException(ErrorCode.MALFORMED_JSON, "The multipart body is malformed: " + why + ".");
    }

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
