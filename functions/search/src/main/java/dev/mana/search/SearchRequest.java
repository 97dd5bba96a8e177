package dev.mana.search;

/**
 * The body of {@code POST /v1/search}: {@code {query, options?}}, exactly as the client sent it.
 * Nothing here is trusted; {@link MetaSearch#search} validates it and names the bad field.
 */
public record SearchRequest(String query, SearchOptions options) {

    public static SearchRequest of(String query) {
        return new SearchRequest(query, null);
    }
}
