package dev.mana.extract.content;

import java.util.Set;
import java.util.regex.Pattern;

/** The class/id hints and tag sets of main-content detection, tuned by Mozilla Readability. */
final class Patterns {

    private Patterns() {}

    static final Pattern UNLIKELY_CANDIDATES = ci("-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap"
            + "|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper"
            + "|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|cookie|consent");
    static final Pattern MAYBE_CANDIDATE = ci("and|article|body|column|content|main|mathjax|shadow");
    static final Pattern POSITIVE =
            ci("article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story");
    static final Pattern NEGATIVE = ci("-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact"
            + "|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper"
            + "|sponsor|shopping|tags|widget");
    static final Pattern BYLINE = ci("byline|author|dateline|writtenby|p-author");
    static final Pattern VIDEOS = ci("//(www\\.)?((dailymotion|youtube|youtube-nocookie|player\\.vimeo|v\\.qq)\\.com"
            + "|(archive|upload\\.wikimedia)\\.org|player\\.twitch\\.tv)");
    static final Pattern SHARE_ELEMENTS = ci("(\\b|_)(share|sharedaddy)(\\b|_)");
    static final Pattern COMMAS = Pattern.compile("[\\u002C\\u060C\\uFE50\\uFE10\\uFE11\\u2E41\\u2E34\\u2E32\\uFF0C]");
    static final Pattern AD_WORDS =
            Pattern.compile("^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$", uci());
    static final Pattern LOADING_WORDS =
            Pattern.compile("^((loading|正在加载|Загрузка|chargement|cargando)(…|\\.\\.\\.)?)$", uci());
    static final Pattern DISPLAY_NONE = ci("display\\s*:\\s*none");
    static final Pattern VISIBILITY_HIDDEN = ci("visibility\\s*:\\s*hidden");

    static final Set<String> UNLIKELY_ROLES =
            Set.of("menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog");
    static final Set<String> DIV_TO_P_ELEMS = Set.of("blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul");
    static final Set<String> ALTER_TO_DIV_EXCEPTIONS = Set.of("div", "article", "section", "p", "ol", "ul");
    static final Set<String> TAGS_TO_SCORE = Set.of("section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre");
    static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    static final Set<String> TEXTISH =
            Set.of("span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul");
    static final Set<String> PHRASING = Set.of(
            "abbr",
            "audio",
            "b",
            "bdo",
            "br",
            "button",
            "cite",
            "code",
            "data",
            "datalist",
            "dfn",
            "em",
            "embed",
            "i",
            "img",
            "input",
            "kbd",
            "label",
            "mark",
            "math",
            "meter",
            "noscript",
            "object",
            "output",
            "progress",
            "q",
            "ruby",
            "samp",
            "script",
            "select",
            "small",
            "span",
            "strong",
            "sub",
            "sup",
            "textarea",
            "time",
            "var",
            "wbr");
    static final Set<String> PRESENTATIONAL_ATTRIBUTES = Set.of(
            "align",
            "background",
            "bgcolor",
            "border",
            "cellpadding",
            "cellspacing",
            "frame",
            "hspace",
            "rules",
            "style",
            "valign",
            "vspace");

    private static Pattern ci(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    private static int uci() {
        return Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    }
}
