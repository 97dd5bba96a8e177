package dev.mana.auth.tier;

import dev.mana.platform.Environment;
import java.util.Locale;
import java.util.Map;

/**
 * The tiers' numbers this function needs, read from environment variables that template.yaml
 * fills from its {@code Tiers} mapping (the one place tier numbers live): for each of {@code
 * FREE}, {@code PRO}, {@code ENTERPRISE}, {@code <TIER>_MAX_KEYS}, {@code
 * <TIER>_MONTHLY_CREDITS} and {@code <TIER>_USAGE_PLAN_NAME} (the name of the tier's API Gateway
 * usage plan: a name, not an id, because the plans depend on the API, whose integrations depend on
 * this function; {@code GatewayKeys} finds the id).
 */
public record Tiers(Map<String, Tier> byName) {
    public static final String FREE = "free";

    /** One tier: its API Gateway usage plan's name, its active-key limit and its monthly credit grant. */
    public record Tier(String name, String usagePlanName, int maxKeys, long monthlyCredits) {}

    public Tiers {
        byName = Map.copyOf(byName);
    }

    public static Tiers fromEnvironment() {
        return new Tiers(Map.of(
                "free", read("free"),
                "pro", read("pro"),
                "enterprise", read("enterprise")));
    }

    private static Tier read(String name) {
        String prefix = name.toUpperCase(Locale.ROOT) + "_";
        return new Tier(
                name,
                Environment.require(prefix + "USAGE_PLAN_NAME"),
                Integer.parseInt(Environment.require(prefix + "MAX_KEYS")),
                Long.parseLong(Environment.require(prefix + "MONTHLY_CREDITS")));
    }

    /**
     * The tier of that name (case-insensitive). The name comes from the authorizer or the
     * accounts table, never from a client, so an unknown one is a bug and fails loudly.
     */
    public Tier of(String name) {
        Tier tier = name == null ? null : byName.get(name.toLowerCase(Locale.ROOT));
        if (tier == null) throw new IllegalStateException("Unknown tier: " + name);
        return tier;
    }
}
