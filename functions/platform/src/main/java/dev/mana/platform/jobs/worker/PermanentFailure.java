package dev.mana.platform.jobs.worker;

import java.util.LinkedHashMap;
import java.util.Map;

/** A job that cannot succeed however often it is retried (bad input, unsupported media): fail it. */
public final class PermanentFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;

    /**
     * @param code the problem's stable {@code code}, e.g. {@code invalid_field}
     * @param status the HTTP status the problem carries, e.g. 422
     * @param publicMessage the problem's {@code detail}: for the client
     */
    public PermanentFailure(String code, int status, String publicMessage) {
        super(publicMessage);
        this.code = code;
        this.status = status;
    }

    /** The job's {@code error}: a problem object. */
    public Map<String, Object> problem() {
        return problem(code, status, getMessage());
    }

    static Map<String, Object> problem(String code, int status, String detail) {
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "https://docs.mana-api.dev/errors/" + code.replace('_', '-'));
        problem.put("title", "The job failed");
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", code);
        return problem;
    }
}
