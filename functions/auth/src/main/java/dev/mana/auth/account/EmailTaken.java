package dev.mana.auth.account;

/** Thrown by {@link AccountStore#create} when another account holds the email. */
public final class EmailTaken extends Exception {
    private static final long serialVersionUID = 1L;

    public EmailTaken() {
        super("email taken", null, false, false);
    }
}
