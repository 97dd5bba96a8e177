package dev.mana.extract.content;

import org.jsoup.nodes.Element;

/** The content as clean HTML: a copy with absolute link and image URLs and no empty links. */
final class ContentHtml {

    private ContentHtml() {}

    static String of(Element content, UrlResolver urls) {
        Element copy = content.clone();
        for (Element a : copy.select("a[href]")) {
            String href = urls.link(a.attr("href"));
            if (href == null) {
                a.removeAttr("href");
            } else {
                a.attr("href", href);
            }
        }
        for (Element img : copy.getElementsByTag("img")) {
            String src = urls.image(img);
            if (src == null) {
                img.remove();
            } else {
                img.attr("src", src);
                img.removeAttr("srcset");
            }
        }
        return copy.html();
    }
}
