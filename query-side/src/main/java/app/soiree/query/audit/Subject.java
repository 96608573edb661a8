package app.soiree.query.audit;

import app.soiree.api.audit.TimelineSubject;
import java.util.UUID;

/**
 * Something a timeline is kept for, stored as {@link #key()} ({@code booking:…}). Beside the six the API answers
 * for, refunds and disputes are subjects (their events name neither booking nor payment, so the index learns which
 * they belong to), and so are a gathering's earnings ({@code earnings:{gatheringId}}: their release, the part of a
 * booking's story that it shares with every other booking of the gathering).
 */
record Subject(Kind kind, String id) {

    enum Kind {
        BOOKING, PAYMENT, REFUND, DISPUTE, PAYOUT, GATHERING, EARNINGS, HOST, USER;

        String prefix() {
            return name().toLowerCase(java.util.Locale.ROOT) + ":";
        }
    }

    static Subject of(TimelineSubject subject, UUID id) {
        return new Subject(Kind.valueOf(subject.name()), id.toString());
    }

    String key() {
        return kind.prefix() + id;
    }

    static Subject parse(String key) {
        int colon = key.indexOf(':');
        return new Subject(Kind.valueOf(key.substring(0, colon).toUpperCase(java.util.Locale.ROOT)), key.substring(colon + 1));
    }
}
