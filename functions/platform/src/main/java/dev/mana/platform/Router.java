package dev.mana.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A function's routes. Finds the route for a request (404 for an unknown path, 405 with
 * {@code Allow} for a known path and wrong method), applies the route's body limit and media
 * types (413, 415), and hands the request, with its path parameters, to the handler.
 */
public final class Router {
    private final List<Entry> entries;

    private record Entry(Route route, PathTemplate template) {}

    public Router(List<Route> routes) {
        var list = new ArrayList<Entry>();
        for (Route route : routes) list.add(new Entry(route, PathTemplate.parse(route.path())));
        this.entries = List.copyOf(list);
    }

    public static Router of(Route... routes) {
        return new Router(List.of(routes));
    }

    public List<Route> routes() {
        return entries.stream().map(Entry::route).toList();
    }

    /** The route for this request with its path parameters bound, or an ApiException (404/405). */
    public Match match(String method, String path) {
        var allowed = new TreeSet<String>();
        for (Entry entry : entries) {
            Map<String, String> parameters = entry.template().match(path);
            if (parameters == null) continue;
            if (entry.route().method().equalsIgnoreCase(method)) return new Match(entry.route(), parameters);
            allowed.add(entry.route().method());
        }
        if (allowed.isEmpty()) {
            throw new ApiException(ErrorCode.ROUTE_NOT_FOUND, "No route matches " + method + " " + path + ".");
        }
        return throwMethodNotAllowed(method, path, allowed);
    }

    private static Match throwMethodNotAllowed(String method, String path, TreeSet<String> allowed) {
        throw new ApiException(
                        ErrorCode.METHOD_NOT_ALLOWED,
                        path + " does not accept " + method + "; it accepts " + String.join(", ", allowed) + ".")
                .withHeader("Allow", String.join(", ", allowed));
    }

    /** The matched route and its path parameters. */
    public record Match(Route route, Map<String, String> pathParameters) {

        /** Refuses a body the route cannot take, before any handler code runs. */
        public void checkBody(ApiRequest request) {
            int size = request.body().length;
            if (size == 0) return;
            if (size > route.maxBodyBytes()) {
                throw new ApiException(
                                ErrorCode.PAYLOAD_TOO_LARGE,
                                "The body is " + size + " bytes; this route accepts at most " + route.maxBodyBytes()
                                        + ".")
                        .with("limit", route.maxBodyBytes());
            }
            String type = request.header("Content-Type")
                    .map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                    .orElse("");
            if (!route.consumes().isEmpty() && !route.consumes().contains(type)) {
                throw new ApiException(
                                ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                                "Send the body as " + String.join(" or ", new TreeSet<>(route.consumes()))
                                        + (type.isEmpty() ? " with a Content-Type header." : ", not " + type + "."))
                        .withHeader("Accept-Post", String.join(", ", route.consumes()));
            }
        }
    }
}
