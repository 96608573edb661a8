package app.soiree.command.refund;

/**
 * The port to whoever sends money back: Stripe, or the simulator. Every refund carries its refund id as
 * the idempotency key, so asking again after a call that went unanswered finds the refund made the first
 * time instead of making a second one. Every call answers with an outcome instead of throwing.
 */
public interface RefundProvider {

    /** The metadata keys that lead a provider's refund back to Soiree. */
    String REFUND_ID_KEY = "soiree_refund_id";
    String PAYMENT_ID_KEY = "soiree_payment_id";

    /** Makes the refund, or finds the one made before under the same refund id. */
    ProviderRefund refund(RefundRequest request);

    /** Asks where a refund the provider accepted stands. */
    ProviderRefund retrieve(String providerReference);
}
