package dev.mana.platform.jobs.worker;

/** Thrown out of a processor by {@link JobContext} to stop the job; the runtime catches it. */
final class JobInterrupted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    enum Why {
        CANCELED,
        STOPPING,
        LEASE_LOST
    }

    private final Why why;

    JobInterrupted(Why why) {
        super("job interrupted: " + why, null, false, false);
        this.why = why;
    }

    Why why() {
        return why;
    }
}
