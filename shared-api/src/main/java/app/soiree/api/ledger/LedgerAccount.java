package app.soiree.api.ledger;

import app.soiree.api.identity.UserId;
import java.util.Arrays;
import java.util.Optional;

/**
 * An account of the chart: one of the platform's own, or one of a host's four. Postings store an
 * account by its {@link #code()} ({@code platform:fees}, {@code host:{id}:available}); {@link #parse}
 * reads a code back into the account it names, so nothing else takes account codes apart.
 */
public sealed interface LedgerAccount permits LedgerAccount.Platform, LedgerAccount.Host {

    /** How postings, the journal and statements spell the account. */
    String code();

    /** The account a code names, or empty when it names none of the chart. */
    static Optional<LedgerAccount> parse(String code) {
        Optional<LedgerAccount> platform = Arrays.stream(Platform.values()).filter(account -> account.code.equals(code))
                .map(LedgerAccount.class::cast).findFirst();
        return platform.isPresent() ? platform : Host.parse(code);
    }

    static Host host(UserId hostId, HostBucket bucket) {
        return new Host(hostId, bucket);
    }

    /** The platform's own accounts. */
    enum Platform implements LedgerAccount {
        /** Cash held for the platform at the payment provider. */
        PROVIDER_CASH("platform:stripe"),
        /** The platform's own revenue: its fee on every payment. */
        PLATFORM_FEES("platform:fees"),
        /** What the payment provider charged for moving the money. */
        PROVIDER_FEES("platform:provider-fees"),
        /** What the platform lost: disputes lost beyond what their hosts bear. */
        LOSSES("platform:losses"),
        /** Money the provider withdrew for open disputes, until the outcome brings it back or makes it a loss. */
        DISPUTES("platform:disputes"),
        /** Payouts sent to hosts' connected accounts and not yet confirmed by the provider. */
        PAYOUTS_IN_TRANSIT("platform:payouts-in-transit"),
        /** The platform's revenue from promotions hosts paid for, less what cancellations gave back. */
        PROMOTIONS("platform:promotions");

        private final String code;

        Platform(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    /** What the platform owes a host, by how far the money is from being paid out. */
    enum HostBucket {
        /** Earnings of gatherings that have not ended long enough ago to be paid out. */
        PENDING("pending"),
        AVAILABLE("available"),
        /** Reserved for a payout in flight. */
        RESERVED("reserved"),
        /** Withheld while a dispute about one of the host's payments is open. */
        DISPUTE_HOLD("dispute-hold");

        private final String suffix;

        HostBucket(String suffix) {
            this.suffix = suffix;
        }
    }

    /** One of a host's accounts: {@code host:{hostId}:{bucket}}. */
    record Host(UserId hostId, HostBucket bucket) implements LedgerAccount {

        private static final String PREFIX = "host:";

        @Override
        public String code() {
            return PREFIX + hostId + ":" + bucket.suffix;
        }

        private static Optional<LedgerAccount> parse(String code) {
            int lastColon = code.lastIndexOf(':');
            if (!code.startsWith(PREFIX) || lastColon <= PREFIX.length()) {
                return Optional.empty();
            }
            String suffix = code.substring(lastColon + 1);
            Optional<HostBucket> bucket = Arrays.stream(HostBucket.values()).filter(each -> each.suffix.equals(suffix)).findFirst();
            try {
                UserId hostId = UserId.of(code.substring(PREFIX.length(), lastColon));
                return bucket.map(found -> new Host(hostId, found));
            } catch (IllegalArgumentException notAUserId) {
                return Optional.empty();
            }
        }
    }
}
