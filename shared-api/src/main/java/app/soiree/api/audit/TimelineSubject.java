package app.soiree.api.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a causal timeline can be asked for: the whole story of one booking, host, payout, user, gathering or payment,
 * across every aggregate whose events concern it. {@link #pathName()} is how the API spells it.
 */
public enum TimelineSubject {
    BOOKING,
    HOST,
    PAYOUT,
    USER,
    GATHERING,
    PAYMENT;

    public String pathName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The subject a path segment names, exactly as {@link #pathName()} spells it. */
    public static Optional<TimelineSubject> ofPathName(String name) {
        return Arrays.stream(values()).filter(subject -> subject.pathName().equals(name)).findFirst();
    }
}
