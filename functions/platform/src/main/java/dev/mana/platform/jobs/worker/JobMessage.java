package dev.mana.platform.jobs.worker;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mana.platform.Json;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * A queue message's body: which job to run, and what the kind's processor needs that the job's
 * small input summary does not hold (e.g. the URLs of a batch).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobMessage(String jobId, String kind, Map<String, Object> payload) {
    public JobMessage {
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }

    public String toJson() {
        return Json.write(this);
    }

    /** The message in a body; empty for a body that is not one (it cannot name a job). */
    public static Optional<JobMessage> parse(String body) {
        try {
            var message = Json.mapper().readValue(body, JobMessage.class);
            return message == null || message.jobId() == null ? Optional.empty() : Optional.of(message);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
