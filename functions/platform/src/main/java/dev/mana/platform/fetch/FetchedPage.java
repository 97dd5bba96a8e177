package dev.mana.platform.fetch;

import java.net.URI;

/**
 * A fetched, decoded page.
 *
 * @param requestedUrl the URL asked for
 * @param finalUrl the URL after redirects: the base for relative links
 * @param statusCode the final HTTP status (2xx)
 * @param mediaType e.g. text/html, lower case, without parameters
 * @param charset the charset the body was decoded with
 * @param body the decoded text
 */
public record FetchedPage(
        URI requestedUrl, URI finalUrl, int statusCode, String mediaType, String charset, String body) {

    public boolean isPlainText() {
        return mediaType.equals("text/plain");
    }
}
