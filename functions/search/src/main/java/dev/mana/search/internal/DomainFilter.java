package dev.mana.search.internal;

import dev.mana.search.SearchResult;
import java.util.List;

/**
 * {@code includeDomains} keeps only results on those domains or their subdomains;
 * {@code excludeDomains} then drops results on theirs. Domains come lower case without {@code www.}.
 */
public record DomainFilter(List<String> include, List<String> exclude) {

    public DomainFilter {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public List<SearchResult> apply(List<SearchResult> results) {
        if (include.isEmpty() && exclude.isEmpty()) {
            return results;
        }
        return results.stream().filter(this::keeps).toList();
    }

    private boolean keeps(SearchResult result) {
        String key = UrlNormalizer.key(result.url());
        if (key == null) {
            return false;
        }
        String host = UrlNormalizer.hostOfKey(key);
        boolean included = include.isEmpty() || include.stream().anyMatch(d -> onDomain(host, d));
        return included && exclude.stream().noneMatch(d -> onDomain(host, d));
    }

    private static boolean onDomain(String host, String domain) {
        return host.equals(domain) || host.endsWith("." + domain);
    }
}
