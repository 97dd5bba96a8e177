package dev.mana.jobs.api;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.util.regex.Pattern;

/** The {@code {id}} of the job routes: a job of another account, an unknown or a malformed id is 404 alike. */
final class JobIdParameter {
    private static final Pattern SHAPE = Pattern.compile("job_[0-9a-z]{26}");

    private JobIdParameter() {}

    static ApiException notFound(String id) {
        return new ApiException(
                        ErrorCode.NOT_FOUND,
                        "This account has no job with the id "
                                + (SHAPE.matcher(id).matches() ? id : "given") + ".")
                .with("parameter", "id");
    }
}
