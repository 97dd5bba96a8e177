package dev.mana.platform.billing;

import dev.mana.platform.ApiResponse;

/** What a call cost and what is left; its headers go on the response. */
public record Charged(String chargeId, long credits, long remaining) {

    public ApiResponse onto(ApiResponse response) {
        return response.withHeader("X-Credits-Charged", Long.toString(credits))
                .withHeader("X-Credits-Remaining", Long.toString(remaining));
    }
}
