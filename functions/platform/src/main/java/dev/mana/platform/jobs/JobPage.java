package dev.mana.platform.jobs;

import java.util.List;

/**
 * One page of an account's jobs, newest first.
 *
 * @param nextCursor opaque; pass it back for the next (older) page; null on the last page
 */
public record JobPage(List<Job> jobs, String nextCursor) {
    public JobPage {
        jobs = List.copyOf(jobs);
    }
}
