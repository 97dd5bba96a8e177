package dev.mana.platform.credits;

/**
 * What a transaction that ends a hold together with another store's writes did (see {@link
 * CreditLedger#captureAlongside} and {@link CreditLedger#releaseAlongside}).
 *
 * @param hold the hold as it is after the call
 */
public record Settlement(Outcome outcome, Hold hold) {

    /** How the transaction ended. */
    public enum Outcome {
        /** Committed: the hold ended here and the other writes were made with it. */
        SETTLED,
        /** The hold had already ended (by another call); nothing was written. */
        ALREADY_SETTLED,
        /** One of the other writes failed its condition; nothing was written. */
        REFUSED
    }
}
