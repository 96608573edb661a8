package app.soiree.query.ledger;

import app.soiree.api.identity.Actor;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.LedgerAccount;
import app.soiree.api.ledger.LedgerEvent;
import app.soiree.api.ledger.Posting;
import app.soiree.api.ledger.Postings;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes every posting of every {@link LedgerEvent} to {@code ledger_entries} and adds it to the
 * running balance of its account in {@code ledger_balances}, in the same statement. One handler for
 * the interface, so a new money event is journaled without touching this class. Postings that do
 * not balance are a bug upstream: the handler throws and the processor stops there rather than skip
 * them (see {@link LedgerProcessing}). The hosts whose accounts moved have their remembered wallet answers
 * forgotten when the transaction commits ({@link WalletAnswers}).
 */
@Component
@ProcessingGroup(LedgerProjection.PROCESSING_GROUP)
class LedgerProjection {

    static final String PROCESSING_GROUP = "ledger";

    /**
     * The balance grows only by entries this statement really inserted: a redelivered event's entries
     * already exist, insert nothing and so add nothing, which keeps the balances equal to the journal.
     */
    private static final String INSERT = """
            with inserted as (
                insert into ledger_entries
                    (entry_id, global_index, event_id, event_type, occurred_at, account, currency, amount, actor, reference)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (entry_id) do nothing
                returning account, currency, amount)
            insert into ledger_balances (account, currency, debits, credits)
            select account, currency, greatest(amount, 0), greatest(-amount, 0) from inserted
            on conflict (account, currency) do update
                set debits = ledger_balances.debits + excluded.debits, credits = ledger_balances.credits + excluded.credits""";

    private final JdbcTemplate jdbc;
    private final WalletAnswers walletAnswers;

    LedgerProjection(JdbcTemplate jdbc, WalletAnswers walletAnswers) {
        this.jdbc = jdbc;
        this.walletAnswers = walletAnswers;
    }

    @EventHandler
    void on(LedgerEvent event, EventMessage<?> message, TrackingToken token) {
        List<Posting> postings = Postings.requireBalanced(event.postings());
        long globalIndex = token.position().orElseThrow(() -> new IllegalStateException(
                "The ledger needs the event's position in the stream; token " + token + " has none"));
        String eventType = message.getPayloadType().getSimpleName();
        Timestamp occurredAt = Timestamp.from(message.getTimestamp());
        String actor = actorOf(message);
        List<Object[]> rows = new ArrayList<>(postings.size());
        Set<UserId> hosts = new HashSet<>();
        for (int index = 0; index < postings.size(); index++) {
            Posting posting = postings.get(index);
            if (LedgerAccount.parse(posting.account()).orElse(null) instanceof LedgerAccount.Host account) {
                hosts.add(account.hostId());
            }
            rows.add(new Object[] {message.getIdentifier() + ":" + index, globalIndex, message.getIdentifier(), eventType, occurredAt,
                    posting.account(), posting.amount().currency().getCurrencyCode(), posting.amount().amountMinor(), actor,
                    event.reference()});
        }
        jdbc.batchUpdate(INSERT, rows);
        walletAnswers.forgetOnCommit(hosts);
    }

    private static String actorOf(EventMessage<?> message) {
        Object userId = message.getMetaData().get(Actor.USER_ID_KEY);
        return userId == null ? Actor.SYSTEM : userId.toString();
    }
}
