package dev.mana.search;

/**
 * A search request the client must fix. {@code field} is the JSON path of the bad value in the
 * request body ({@code query}, {@code options.limit}...), so the route can name it in its
 * problem+json answer; the message is safe to show to the client.
 */
public final class SearchValidationException extends RuntimeException {

    private final String field;

    public SearchValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
