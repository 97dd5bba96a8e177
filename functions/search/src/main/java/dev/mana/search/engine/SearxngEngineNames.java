package dev.mana.search.engine;

import java.util.Set;

/**
 * Engine names a SearXNG instance knows (those of its default settings.yml, as the seed's clients
 * send them: {@code "engines": ["google", "wikipedia"]}). A name that is not one of this service's
 * own engines is passed to SearXNG as its {@code engines} parameter, when SearXNG is configured.
 */
public final class SearxngEngineNames {
    public static final Set<String> NAMES = Set.of(
            "google",
            "bing",
            "yahoo",
            "qwant",
            "startpage",
            "mojeek",
            "mwmbl",
            "yandex",
            "presearch",
            "google news",
            "bing news",
            "yahoo news",
            "reuters",
            "google images",
            "bing images",
            "google videos",
            "bing videos",
            "youtube",
            "vimeo",
            "dailymotion",
            "peertube",
            "wikidata",
            "wikimedia commons",
            "wikibooks",
            "wikiquote",
            "wikisource",
            "wiktionary",
            "wikivoyage",
            "github",
            "gitlab",
            "codeberg",
            "stackoverflow",
            "superuser",
            "askubuntu",
            "mdn",
            "pypi",
            "npm",
            "crates.io",
            "docker hub",
            "hackernews",
            "reddit",
            "lemmy communities",
            "mastodon users",
            "google scholar",
            "semantic scholar",
            "pubmed",
            "crossref",
            "openairedatasets",
            "openstreetmap",
            "photon",
            "piratebay",
            "soundcloud",
            "bandcamp",
            "deezer",
            "genius",
            "imdb",
            "openlibrary",
            "currency",
            "dictzone",
            "lingva",
            "mymemory translated");

    private SearxngEngineNames() {}
}
