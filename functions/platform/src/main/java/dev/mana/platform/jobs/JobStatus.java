package dev.mana.platform.jobs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Where a job is. {@code queued → running → succeeded | failed | canceled}; queued may also fail or cancel. */
public enum JobStatus {
    @JsonProperty("queued")
    QUEUED,
    @JsonProperty("running")
    RUNNING,
    @JsonProperty("succeeded")
    SUCCEEDED,
    @JsonProperty("failed")
    FAILED,
    @JsonProperty("canceled")
    CANCELED;

    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELED;
    }

    /** The lower-case name the API shows ({@code queued}, ...). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the API's lower-case name; null for an unknown one. */
    public static JobStatus fromWire(String value) {
        for (JobStatus status : values()) {
            if (status.wire().equals(value)) return status;
        }
        return null;
    }
}
