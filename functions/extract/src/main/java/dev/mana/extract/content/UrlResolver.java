package dev.mana.extract.content;

import java.util.Locale;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;

/**
 * Makes link and image URLs absolute against the page's base (its URL or its {@code <base href>}).
 * Content elements are detached from the document while being extracted, so they cannot resolve
 * against it themselves.
 */
final class UrlResolver {

    private final String base;

    UrlResolver(String base) {
        this.base = base == null ? "" : base;
    }

    /** An absolute http(s) or mailto URL for a link, or null for javascript:, data: and the like. */
    String link(String href) {
        String trimmed = href == null ? "" : href.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        String absolute = base.isEmpty() ? trimmed : StringUtil.resolve(base, trimmed);
        String lower = absolute.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:")) {
            return absolute;
        }
        // Without a base, a relative link is the best that can be given.
        return base.isEmpty() && !lower.contains(":") ? trimmed : null;
    }

    /** The image's real source: lazy-loading attributes win over placeholder data: URIs. */
    String image(Element img) {
        String src = img.attr("src").trim();
        if (src.isEmpty() || src.startsWith("data:")) {
            for (String attribute :
                    new String[] {"data-src", "data-original", "data-lazy-src", "data-url", "data-srcset", "srcset"}) {
                String candidate = img.attr(attribute).trim();
                if (!candidate.isEmpty() && !candidate.startsWith("data:")) {
                    src = attribute.endsWith("srcset") ? candidate.split("[\\s,]+")[0] : candidate;
                    break;
                }
            }
        }
        if (src.isEmpty() || src.startsWith("data:")) {
            return null;
        }
        String absolute = link(src);
        return absolute == null || absolute.startsWith("mailto:") ? null : absolute;
    }
}
