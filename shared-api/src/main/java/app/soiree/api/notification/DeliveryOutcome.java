package app.soiree.api.notification;

import org.jspecify.annotations.Nullable;

/**
 * What a channel sender learned from one attempt. {@code UNKNOWN}: the request may or may not have reached the provider
 * (a timeout, a lost answer); such a delivery is never sent again blindly. {@code permanent} failures (a bad number, an
 * opted-out recipient) are never retried.
 */
public record DeliveryOutcome(Result result, @Nullable String providerMessageId, @Nullable String destination,
                              @Nullable String errorCode, @Nullable String detail, boolean permanent, @Nullable SkipReason skipReason) {

    public enum Result { SENT, FAILED, UNKNOWN, SKIPPED }

    /** @param destination where it went, masked for the audit ({@code +33••••••78}, {@code a•••@example.com}) */
    public static DeliveryOutcome sent(@Nullable String providerMessageId, @Nullable String destination) {
        return new DeliveryOutcome(Result.SENT, providerMessageId, destination, null, null, false, null);
    }

    public static DeliveryOutcome transientFailure(@Nullable String errorCode, String detail) {
        return new DeliveryOutcome(Result.FAILED, null, null, errorCode, detail, false, null);
    }

    public static DeliveryOutcome permanentFailure(@Nullable String errorCode, String detail) {
        return new DeliveryOutcome(Result.FAILED, null, null, errorCode, detail, true, null);
    }

    public static DeliveryOutcome unknown(String detail) {
        return new DeliveryOutcome(Result.UNKNOWN, null, null, null, detail, false, null);
    }

    public static DeliveryOutcome skipped(SkipReason reason) {
        return new DeliveryOutcome(Result.SKIPPED, null, null, null, null, true, reason);
    }
}
