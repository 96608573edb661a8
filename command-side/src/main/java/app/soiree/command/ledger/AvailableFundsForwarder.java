package app.soiree.command.ledger;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.LedgerEvent;
import app.soiree.api.ledger.LedgerAccount;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payout.HostWalletId;
import app.soiree.api.payout.RecordAvailableFunds;
import java.util.Comparator;
import java.util.Currency;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Tells each host's wallet what other events posted to the host's available account (released earnings,
 * settled changes, and whatever later moves money there), in stream order: the {@code wallets} tracking
 * processor has one segment. Delivery is at least once, so the wallet counts each event once; a failed
 * command is retried, never skipped ({@link PayoutConfiguration}), since a skipped release would hide money
 * from its host. The wallet's own events are left out: it applied them itself.
 */
@Component
@ProcessingGroup(AvailableFundsForwarder.PROCESSING_GROUP)
class AvailableFundsForwarder {

    static final String PROCESSING_GROUP = "wallets";

    private final CommandGateway commands;

    AvailableFundsForwarder(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(LedgerEvent event, EventMessage<?> message) {
        String producer = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        changesToAvailable(event).forEach((hostAndCurrency, change) -> {
            UserId hostId = hostAndCurrency.hostId();
            HostWalletId walletId = HostWalletId.forHost(hostId);
            if (change.isZero() || walletId.toString().equals(producer)) {
                return;
            }
            String source = message.getIdentifier() + ":" + change.currency().getCurrencyCode();
            commands.sendAndWait(new RecordAvailableFunds(walletId, hostId, source, message.getPayloadType().getSimpleName(), change));
        });
    }

    /** The net credit of each host's available account per currency; credits are what a host is owed. */
    static Map<HostCurrency, Money> changesToAvailable(LedgerEvent event) {
        Map<HostCurrency, Money> changes = new TreeMap<>(HostCurrency.ORDER);
        for (Posting posting : event.postings()) {
            if (posting.ledgerAccount() instanceof LedgerAccount.Host(UserId hostId, LedgerAccount.HostBucket bucket)
                    && bucket == LedgerAccount.HostBucket.AVAILABLE) {
                changes.merge(new HostCurrency(hostId, posting.amount().currency()), posting.amount().negated(), Money::plus);
            }
        }
        return changes;
    }

    record HostCurrency(UserId hostId, Currency currency) {
        static final Comparator<HostCurrency> ORDER = Comparator.comparing((HostCurrency key) -> key.hostId().toString())
                .thenComparing(key -> key.currency().getCurrencyCode());
    }
}
