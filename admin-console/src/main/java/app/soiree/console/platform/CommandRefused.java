package app.soiree.console.platform;

import app.soiree.api.error.ErrorCode;

/** A command the platform did not carry out, with the code the console shows a sentence for. */
public class CommandRefused extends RuntimeException {

    private final ErrorCode code;

    CommandRefused(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** What staff read; never the handler's message text, which is written for logs and API clients. */
    public String explanation() {
        return switch (code) {
            case VALIDATION_FAILED -> "Some of the values are not acceptable; check the form.";
            case EMAIL_ALREADY_REGISTERED -> "An account with this email already exists.";
            case STATE_CONFLICT -> "This is not possible in the current state; reload and try again.";
            case NOT_FOUND -> "It no longer exists.";
            case FORBIDDEN -> "You are not allowed to do this.";
            case APPROVAL_NOT_ALLOWED -> "Someone else must approve this: the requester never approves their own payout, and nobody approves twice.";
            case PAYOUT_NOT_PENDING -> "This payout is no longer waiting for a decision; reload to see where it stands.";
            default -> "The platform could not do this just now. Try again; if it keeps failing, tell the developers.";
        };
    }
}
