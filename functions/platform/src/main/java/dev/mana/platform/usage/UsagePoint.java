package dev.mana.platform.usage;

import java.time.LocalDate;

/** One day of one key's use of one service: calls and credits charged. */
public record UsagePoint(LocalDate day, String keyId, String service, long calls, long credits) {}
