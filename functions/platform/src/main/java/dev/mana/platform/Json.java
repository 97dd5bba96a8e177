package dev.mana.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * The one configured JSON mapper. Reading is strict, as a public API should be: unknown
 * fields, scalars of the wrong type and missing required fields are refused with a message
 * naming the field, so a typo never silently becomes a default.
 */
public final class Json {
    private static final ObjectMapper MAPPER = strictScalars(JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build());

    private static final java.util.regex.Pattern MISSING_PROPERTY = java.util.regex.Pattern.compile("'([^']+)'");

    private Json() {}

    /**
     * Jackson reads 42 into a String field and 2.5 into an int by default; a public API should
     * say the type is wrong instead.
     */
    private static ObjectMapper strictScalars(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Cannot serialise " + value.getClass().getName(), e);
        }
    }

    /** Reads a request body; every failure is an {@link ApiException} a caller can act on. */
    /**
     * Refuses a body that is not well-formed UTF-8 (RFC 8259 requires it): Jackson passes some
     * ill-formed sequences through (an overlong '/', an encoded surrogate), or reports them as a
     * wrong type. The JDK's decoder, set to report, refuses every one of them.
     */
    static void requireUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "The request body is not valid UTF-8; send UTF-8 JSON.");
        }
    }

    public static <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "The request body is empty; send a JSON object.");
        }
        requireUtf8(body);
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new ApiException(ErrorCode.MALFORMED_JSON, "The request body is null; send a JSON object.");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String field = path(e);
            throw ApiException.field(ErrorCode.UNKNOWN_FIELD, field, "Unknown field '" + field + "'.");
        } catch (MismatchedInputException e) {
            throw mismatch(e);
        } catch (ValueInstantiationException e) {
            // A record's compact constructor refused a value: its message is written for callers.
            if (e.getCause() instanceof ApiException api) throw api;
            throw ApiException.field(ErrorCode.INVALID_FIELD, path(e), "Invalid value for '" + path(e) + "'.");
        } catch (JsonMappingException e) {
            throw ApiException.field(ErrorCode.INVALID_TYPE, path(e), "Invalid value for '" + path(e) + "'.");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ApiException(
                            ErrorCode.MALFORMED_JSON,
                            "The request body is not valid JSON" + where + ": " + e.getOriginalMessage() + ".")
                    .with("line", at == null ? null : at.getLineNr())
                    .with("column", at == null ? null : at.getColumnNr());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiException mismatch(MismatchedInputException e) {
        String field = path(e);
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Missing required creator property")) {
            var name = MISSING_PROPERTY.matcher(message);
            String property = name.find() ? name.group(1) : "?";
            // The path already ends with the missing property when Jackson knows it.
            String missing = field.isEmpty() ? property : field;
            return ApiException.field(ErrorCode.MISSING_FIELD, missing, "The field '" + missing + "' is required.");
        }
        if (field.isEmpty()) {
            return new ApiException(ErrorCode.INVALID_TYPE, "The request body must be a JSON object.");
        }
        String expected = e instanceof InvalidFormatException ife
                ? ife.getTargetType().getSimpleName()
                : e.getTargetType() == null ? "another type" : e.getTargetType().getSimpleName();
        return ApiException.field(
                ErrorCode.INVALID_TYPE,
                field,
                "The field '" + field + "' has the wrong type; expected " + friendly(expected) + ".");
    }

    private static String friendly(String javaType) {
        return switch (javaType) {
            case "String" -> "a string";
            case "int", "Integer", "long", "Long" -> "an integer";
            case "double", "Double", "float", "Float", "BigDecimal" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "List", "Set", "String[]" -> "an array";
            default -> javaType.endsWith("[]") ? "an array" : "an object";
        };
    }

    /** The JSON path of the failing field, e.g. {@code options.limit} or {@code urls[3]}. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
