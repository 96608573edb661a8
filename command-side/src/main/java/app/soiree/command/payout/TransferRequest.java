package app.soiree.command.payout;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import app.soiree.api.payout.PayoutId;

/** A payout's transfer to the host's connected account; the payout id is the idempotency key. */
public record TransferRequest(PayoutId payoutId, UserId hostId, Money amount, String destinationAccount) {

    /** Metadata keys under which the transfer carries Soiree's ids, for webhooks to find their way back. */
    public static final String PAYOUT_ID_KEY = "soiree_payout_id";
    public static final String HOST_ID_KEY = "soiree_host_id";
}
