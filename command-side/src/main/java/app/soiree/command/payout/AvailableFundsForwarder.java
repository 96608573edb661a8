package app.soiree.command.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.LedgerEvent;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payout.HostWalletId;
import app.soiree.api.payout.RecordAvailableFunds;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern AVAILABLE = Pattern.compile("host:([0-9a-fA-F-]{36}):available");

    private final CommandGateway commands;

    AvailableFundsForwarder(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(LedgerEvent event, EventMessage<?> message) {
        String producer = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        changesToAvailable(event).forEach((hostAndCurrency, change) -> {
            UserId hostId = UserId.of(hostAndCurrency.substring(0, hostAndCurrency.indexOf('|')));
            HostWalletId walletId = HostWalletId.forHost(hostId);
            if (change.isZero() || walletId.toString().equals(producer)) {
                return;
            }
            String source = message.getIdentifier() + ":" + change.currency().getCurrencyCode();
            commands.sendAndWait(new RecordAvailableFunds(walletId, hostId, source, message.getPayloadType().getSimpleName(), change));
        });
    }

    /** The net credit of each host's available account per currency ({@code hostId|currency} → change); credits are what a host is owed. */
    static Map<String, Money> changesToAvailable(LedgerEvent event) {
        Map<String, Money> changes = new TreeMap<>();
        for (Posting posting : event.postings()) {
            Matcher available = AVAILABLE.matcher(posting.account());
            if (available.matches()) {
                String key = available.group(1) + "|" + posting.amount().currency().getCurrencyCode();
                changes.merge(key, posting.amount().negated(), Money::plus);
            }
        }
        return changes;
    }
}
