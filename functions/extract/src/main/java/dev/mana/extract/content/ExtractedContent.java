package dev.mana.extract.content;

import java.util.List;

/**
 * The result of an extraction. Fields of formats not asked for are null; metadata fields are null
 * when the page does not have them.
 *
 * @param publishedAt as the page states it (usually ISO 8601), not reparsed
 * @param links absolute http(s) links of the page, in order, without duplicates
 * @param images absolute image URLs of the extracted content, in order, without duplicates
 * @param wordCount words of the extracted text
 */
public record ExtractedContent(
        String title,
        String byline,
        String siteName,
        String lang,
        String publishedAt,
        String excerpt,
        String markdown,
        String text,
        String html,
        List<String> links,
        List<String> images,
        int wordCount) {

    public ExtractedContent {
        links = links == null ? null : List.copyOf(links);
        images = images == null ? null : List.copyOf(images);
    }
}
