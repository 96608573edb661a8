package app.soiree.api.error;

/**
 * A refusal with a stable {@link ErrorCode}: invalid input, a missing object, or a business rule
 * that says no. Thrown by aggregates and controllers alike; the code survives a trip through the
 * command bus (it travels as the details of Axon's {@code CommandExecutionException}).
 */
public class SoireeException extends RuntimeException {

    private final ErrorCode code;

    public SoireeException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    private SoireeException(ErrorCode code, String message, boolean writableStackTrace) {
        super(message, null, false, writableStackTrace);
        this.code = code;
    }

    /**
     * A refusal that is answered where it is made, never thrown ({@link KnownRefusals}): without a stack trace, which
     * nobody would read and which costs more to fill than the rest of the answer when a crowd is refused.
     */
    public static SoireeException answered(ErrorCode code, String message) {
        return new SoireeException(code, message, false);
    }

    public ErrorCode code() {
        return code;
    }

    public static SoireeException notFound(String what) {
        return new SoireeException(ErrorCode.NOT_FOUND, what + " was not found");
    }

    public static SoireeException conflict(String message) {
        return new SoireeException(ErrorCode.STATE_CONFLICT, message);
    }
}
