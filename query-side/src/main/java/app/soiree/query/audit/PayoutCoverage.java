package app.soiree.query.audit;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.EarningsReleased;
import app.soiree.api.ledger.EarningsSettled;
import app.soiree.api.ledger.LedgerAccount;
import app.soiree.api.ledger.LedgerEvent;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payout.PayoutFundsReserved;
import app.soiree.api.payout.PayoutFundsReturned;
import app.soiree.query.audit.AvailableLots.Lot;
import app.soiree.query.audit.AvailableLots.Taken;
import app.soiree.query.audit.Subject.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which earnings each payout paid out, from the postings to the hosts' available accounts in stream order: released
 * or settled earnings come in as lots of their gathering, a payout's reservation takes the oldest lots
 * ({@link AvailableLots}), and every gathering it took from is linked to the payout both ways. Funds a payout gives
 * back return as lots of the gatherings it had taken them from. Called by {@link TimelineIndex}, once per event.
 */
@Component
class PayoutCoverage {

    private final JdbcTemplate jdbc;

    PayoutCoverage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void apply(LedgerEvent event) {
        changesToAvailable(event).forEach((account, change) -> {
            if (change != 0) {
                apply(event, account.hostId(), account.currency(), change);
            }
        });
    }

    private void apply(LedgerEvent event, String hostId, String currency, long change) {
        AvailableLots lots = new AvailableLots(load(hostId, currency));
        if (change > 0) {
            switch (event) {
                case EarningsReleased released -> lots.add(released.gatheringId().toString(), change);
                case EarningsSettled settled -> lots.add(settled.gatheringId().toString(), change);
                case PayoutFundsReturned returned -> giveBack(lots, returned.payoutId().toString(), currency, change);
                default -> lots.add(null, change);
            }
        } else {
            List<Taken> taken = lots.take(-change);
            if (event instanceof PayoutFundsReserved reserved) {
                taken.forEach(part -> cover(reserved.payoutId().toString(), currency, part));
            }
        }
        store(hostId, currency, lots.lots());
    }

    /** Returned funds go back as the lots they were taken from, in the order the payout took them. */
    private void giveBack(AvailableLots lots, String payoutId, String currency, long amountMinor) {
        long left = amountMinor;
        for (Taken part : covered(payoutId, currency)) {
            if (left == 0) {
                break;
            }
            long back = Math.min(left, part.amountMinor());
            lots.add(part.gatheringId(), back);
            left -= back;
        }
        if (left > 0) {
            lots.add(null, left);
        }
    }

    private void cover(String payoutId, String currency, Taken part) {
        jdbc.update("insert into audit_payout_coverage (payout_id, gathering_id, currency, amount_minor) values (?, ?, ?, ?)",
                payoutId, part.gatheringId(), currency, part.amountMinor());
        String earnings = new Subject(Kind.EARNINGS, part.gatheringId()).key();
        String payout = new Subject(Kind.PAYOUT, payoutId).key();
        jdbc.batchUpdate("insert into audit_subject_links (from_subject, to_subject) values (?, ?) on conflict do nothing",
                List.of(new Object[] {earnings, payout}, new Object[] {payout, earnings}));
    }

    private List<Taken> covered(String payoutId, String currency) {
        return jdbc.query("select gathering_id, amount_minor from audit_payout_coverage where payout_id = ? and currency = ? order by coverage_id",
                (row, number) -> new Taken(row.getString("gathering_id"), row.getLong("amount_minor")), payoutId, currency);
    }

    private List<Lot> load(String hostId, String currency) {
        return jdbc.query("select gathering_id, remaining_minor from audit_available_lots where host_id = ? and currency = ? order by lot_id",
                (row, number) -> new Lot(row.getString("gathering_id"), row.getLong("remaining_minor")), hostId, currency);
    }

    private void store(String hostId, String currency, List<Lot> lots) {
        jdbc.update("delete from audit_available_lots where host_id = ? and currency = ?", hostId, currency);
        List<Object[]> rows = new ArrayList<>();
        lots.forEach(lot -> rows.add(new Object[] {hostId, currency, lot.gatheringId(), lot.remainingMinor()}));
        jdbc.batchUpdate("insert into audit_available_lots (host_id, currency, gathering_id, remaining_minor) values (?, ?, ?, ?)", rows);
    }

    /** A host's available account in one currency. */
    record Available(String hostId, String currency) {
    }

    /** What the event adds to each host's available account per currency: credits are what a host is owed. */
    static Map<Available, Long> changesToAvailable(LedgerEvent event) {
        Map<Available, Long> changes = new LinkedHashMap<>();
        for (Posting posting : event.postings()) {
            if (posting.ledgerAccount() instanceof LedgerAccount.Host(UserId hostId, LedgerAccount.HostBucket bucket)
                    && bucket == LedgerAccount.HostBucket.AVAILABLE) {
                Money amount = posting.amount();
                changes.merge(new Available(hostId.toString(), amount.currency().getCurrencyCode()), -amount.amountMinor(), Math::addExact);
            }
        }
        return changes;
    }
}
