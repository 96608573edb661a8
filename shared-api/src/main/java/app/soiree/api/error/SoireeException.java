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
