package dev.mana.platform.webhooks;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Json;
import dev.mana.platform.fetch.FetchFailure;
import dev.mana.platform.fetch.FetchPolicy;
import dev.mana.platform.fetch.PageFetcher;
import dev.mana.platform.jobs.Job;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A job's {@code webhook {url, events?, metadata?}}, checked before the job is created. The URL
 * goes through the fetcher's SSRF guard ({@link PageFetcher#check}, the same one deliveries pass
 * when they connect): http(s), well formed, every address public or in {@code
 * MANA_FETCH_ALLOW_CIDRS}. On top of it: https only (http just to an allowed range, for local
 * tests), no credentials, at most 2,048 characters. A refusal is a 422 naming the field ({@code
 * webhook.url} with a {@code reason}, {@code webhook.events[i]}, {@code webhook.metadata}).
 */
public final class WebhookTarget {
    /** The request's {@code webhook} as sent. */
    public record WebhookBody(String url, List<String> events, Map<String, Object> metadata) {}

    public static final Set<String> EVENTS = Set.of("job.succeeded", "job.failed", "job.canceled");
    static final int MAX_URL = 2048;
    static final int MAX_METADATA_BYTES = 2048;

    private final PageFetcher fetcher;
    /** The same guard with nothing allowed: what it refuses is reachable only through the allowance. */
    private final PageFetcher publicOnly;

    /** @param fetcher the function's fetcher, built with {@code MANA_FETCH_ALLOW_CIDRS} */
    public WebhookTarget(PageFetcher fetcher) {
        this(fetcher, new PageFetcher(FetchPolicy.withAllowCidrs("")));
    }

    WebhookTarget(PageFetcher fetcher, PageFetcher publicOnly) {
        this.fetcher = fetcher;
        this.publicOnly = publicOnly;
    }

    /** The webhook to store with the job; null when none was sent. */
    public Job.Webhook check(WebhookBody body) {
        if (body == null) return null;
        if (body.url() == null) {
            throw ApiException.field(ErrorCode.MISSING_FIELD, "webhook.url", "The field 'webhook.url' is required.");
        }
        String url = body.url().strip();
        checkUrl(url);
        List<String> events = body.events() == null ? List.of() : body.events();
        for (int i = 0; i < events.size(); i++) {
            if (!EVENTS.contains(events.get(i))) {
                throw invalid(
                        "webhook.events[" + i + "]", "Unknown event; use job.succeeded, job.failed or job.canceled.");
            }
        }
        if (body.metadata() != null && Json.write(body.metadata()).length() > MAX_METADATA_BYTES) {
            throw invalid("webhook.metadata", "webhook.metadata is at most " + MAX_METADATA_BYTES + " bytes of JSON.");
        }
        var metadata = new LinkedHashMap<String, Object>();
        if (body.metadata() != null) {
            body.metadata().forEach((k, v) -> {
                if (v != null) metadata.put(k, v);
            });
        }
        return new Job.Webhook(url, events.stream().distinct().toList(), metadata);
    }

    private void checkUrl(String url) {
        if (url.isEmpty() || url.length() > MAX_URL) {
            throw invalid("webhook.url", "webhook.url must be an https URL of at most " + MAX_URL + " characters.")
                    .with("reason", "invalid_url");
        }
        try {
            URI uri = new URI(url);
            if (uri.getRawUserInfo() != null) {
                throw invalid("webhook.url", "webhook.url must not carry credentials.")
                        .with("reason", "invalid_url");
            }
        } catch (URISyntaxException e) {
            // the guard below names it
        }
        try {
            fetcher.check(url);
        } catch (FetchFailure e) {
            throw refused(e.reason());
        }
        if (url.regionMatches(true, 0, "http:", 0, 5) && !onlyThroughAllowance(url)) {
            throw invalid("webhook.url", "webhook.url must be an https URL.").with("reason", "insecure_scheme");
        }
    }

    private boolean onlyThroughAllowance(String url) {
        try {
            publicOnly.check(url);
            return false;
        } catch (FetchFailure e) {
            return e.reason() == FetchFailure.Reason.BLOCKED_ADDRESS;
        }
    }

    private static ApiException refused(FetchFailure.Reason reason) {
        String message = switch (reason) {
            case UNSUPPORTED_SCHEME -> "webhook.url must be an https URL.";
            case BLOCKED_ADDRESS -> "webhook.url must reach a public address, not a private or local one.";
            case CONNECTION -> "webhook.url's host does not resolve.";
            default -> "webhook.url must be absolute with a host, such as https://example.com/hooks.";
        };
        String code = switch (reason) {
            case CONNECTION -> "unresolvable";
            default -> reason.name().toLowerCase(Locale.ROOT);
        };
        return invalid("webhook.url", message).with("reason", code);
    }

    private static ApiException invalid(String field, String message) {
        return ApiException.field(ErrorCode.INVALID_FIELD, field, message);
    }
}
