package app.soiree.command.payment;

/**
 * The one port to whoever moves the money: Stripe, or the simulator. Every call is idempotent on the
 * provider's side (the payment id is the idempotency key), and every call answers with an outcome
 * instead of throwing: a timeout is {@code UNKNOWN}, never a guess.
 */
public interface PaymentProvider {

    /** {@code simulated} or {@code stripe}: recorded on each payment. */
    String name();

    /** Creates the provider's side of a payment, or finds the one created before under the same payment id. */
    ProviderPayment create(PaymentIntentRequest request);

    /** Asks the provider where a payment stands. */
    ProviderPayment retrieve(String providerReference);
}
