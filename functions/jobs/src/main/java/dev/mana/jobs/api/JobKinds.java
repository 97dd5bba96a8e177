package dev.mana.jobs.api;

import java.util.Set;

/** The job kinds the API knows; {@code ?kind=} accepts only these. */
public final class JobKinds {
    /** {@code POST /v1/extract/batch}: one item per URL. */
    public static final String EXTRACT_BATCH = "extract-batch";

    public static final Set<String> ALL = Set.of(EXTRACT_BATCH, "stt", "tts");
    /** Kinds whose results are per-item ({@code items} in the job view). */
    public static final Set<String> BATCH = Set.of(EXTRACT_BATCH);

    private JobKinds() {}
}
