package dev.mana.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/** JSON form of a {@link SearchResponse}, for caches that store text (e.g. a DynamoDB item). */
public final class SearchResponseCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            // A cache written by a newer version must still read back.
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private SearchResponseCodec() {}

    public static String toJson(SearchResponse response) {
        try {
            return JSON.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SearchResponse fromJson(String json) {
        try {
            return JSON.readValue(json, SearchResponse.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
