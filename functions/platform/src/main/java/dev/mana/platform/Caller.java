package dev.mana.platform;

/**
 * Who is calling, as the authorizer established it: the account, the API key used (null for a
 * Bearer JWT) and the account's tier.
 */
public record Caller(String accountId, String keyId, String tier) {}
