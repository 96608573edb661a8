package app.soiree.command.payout.stripe;

import app.soiree.command.provider.ProviderName;
import app.soiree.api.identity.UserId;
import app.soiree.api.payout.HostWalletId;
import app.soiree.api.payout.MarkPayoutPaid;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.ReportPayoutAccountStatus;
import app.soiree.api.payout.ReversePayout;
import app.soiree.command.provider.ProviderEvent;
import app.soiree.command.provider.ProviderEventTranslator;
import app.soiree.command.provider.stripe.StripeEventPayloads;
import app.soiree.command.payout.TransferRequest;
import com.stripe.model.Account;
import com.stripe.model.Event;
import com.stripe.model.Transfer;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * {@code account.updated} (a host's connected account, from the Connect endpoint) and {@code transfer.*}
 * (a payout's transfer): whether transfers to the account are enabled, and a transfer made or reversed.
 * Account reports carry Stripe's event time, so a report older than one applied changes nothing; a
 * reversal carries the running total reversed, so its copies change nothing twice.
 */
public class StripeConnectEvents implements ProviderEventTranslator {

    @Override
    public ProviderName provider() {
        return ProviderName.STRIPE;
    }

    @Override
    public boolean translates(String eventType) {
        return eventType.equals("account.updated") || eventType.startsWith("transfer.");
    }

    @Override
    public ProviderEvent translate(String eventId, String type, String payload) {
        Event event = StripeEventPayloads.parse(payload);
        if (type.equals("account.updated")) {
            Account account = StripeEventPayloads.dataObject(event, Account.class);
            @Nullable UserId hostId = StripeEventPayloads.idFrom(account.getMetadata(), TransferRequest.HOST_ID_KEY, UserId::of);
            if (hostId == null) {
                return ProviderEvent.ignored(eventId, type, "account " + account.getId() + " is not a Soiree host's");
            }
            return ProviderEvent.command(eventId, type, new ReportPayoutAccountStatus(HostWalletId.forHost(hostId), hostId,
                    StripePayoutProvider.NAME, account.getId(), StripePayoutProvider.transfersEnabled(account),
                    Instant.ofEpochSecond(event.getCreated()), eventId));
        }
        Transfer transfer = StripeEventPayloads.dataObject(event, Transfer.class);
        @Nullable PayoutId payoutId = StripeEventPayloads.idFrom(transfer.getMetadata(), TransferRequest.PAYOUT_ID_KEY, PayoutId::of);
        if (payoutId == null) {
            return ProviderEvent.ignored(eventId, type, "transfer " + transfer.getId() + " is not a Soiree payout");
        }
        return switch (type) {
            case "transfer.created" -> ProviderEvent.command(eventId, type, new MarkPayoutPaid(payoutId, transfer.getId(), eventId));
            case "transfer.reversed" -> ProviderEvent.command(eventId, type, new ReversePayout(payoutId, transfer.getId(),
                    StripeEventPayloads.money(transfer.getAmountReversed(), transfer.getCurrency()), eventId));
            default -> ProviderEvent.ignored(eventId, type);
        };
    }
}
