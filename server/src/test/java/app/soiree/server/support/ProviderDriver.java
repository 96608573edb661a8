package app.soiree.server.support;

import app.soiree.api.payment.PaymentCaptured;
import app.soiree.server.support.Api.Session;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What a payment provider does to Soiree's money flows, said once for the provider-contract scenarios: the simulator
 * is driven through its development endpoints ({@link SimulatedProvider}), Stripe through signed webhooks and the
 * WireMock stand-ins ({@code StripeProvider}). Where the simulator needs a signed-in user to act, the scenario names
 * one ({@code actor}); Stripe's webhooks need none and ignore it. The {@code verify…} methods check what only one
 * provider can show (the requests Stripe received); the simulator keeps no such log and checks nothing there.
 */
public interface ProviderDriver {

    /** The provider's name as the API shows it: {@code simulated} or {@code stripe}. */
    String name();

    /** Before each test: stand-ins installed. */
    default void beforeEach() {
    }

    /** Every request the provider received since the last test authenticated as Soiree does. */
    default void verifyRequestsAuthenticated() {
    }

    /** After each test: per-test stubs and recorded requests forgotten. */
    default void afterEach() {
    }

    // ---- payments ----------------------------------------------------------------------------------------------

    /** The payment of this booking succeeds at the provider, and the provider tells Soiree. */
    void pay(Session actor, Booked booked);

    /** The payment of this booking fails at the provider, and the provider tells Soiree. */
    void decline(Session actor, Booked booked);

    /** The booking's hold runs out unpaid: the simulator reports a failure, Stripe's intent stays unpaid until the hold expires. */
    void letExpire(Session actor, Booked booked);

    void verifyClientSecret(Booked booked, String clientSecret);

    /** What the provider was asked when the booking was made. */
    void verifyPaymentCreated(Booked booked);

    void verifyCaptured(PaymentCaptured captured);

    // ---- refunds -----------------------------------------------------------------------------------------------

    /** The provider will refuse the refund with this id. */
    void refuseRefund(Session actor, Booked booked, String refundId);

    /** A word of the failure reason the provider gives for a refused refund. */
    String refundRefusal();

    /** The provider reports that this refund, which had succeeded, failed after all (the guest's bank sent it back). */
    void reverseRefund(Session actor, Booked booked, String refundId);

    /** The refunds the provider was asked to make for this payment, in order: their ids and amounts. */
    void verifyRefundsAsked(Booked booked, List<String> refundIds, List<Long> amounts);

    // ---- disputes ----------------------------------------------------------------------------------------------

    /** The guest's bank disputes {@code amount} of this payment for {@code reason}. */
    void dispute(Session actor, Booked booked, long amount, String reason);

    /** The provider decides the dispute of this payment. */
    void decideDispute(Session actor, Booked booked, boolean won);

    /** Whether the provider decides a dispute support accepted at once (the simulator), or later (Stripe, by webhook). */
    boolean decidesAcceptedDisputesAtOnce();

    void verifyDisputeOpened(Booked booked, JsonNode dispute);

    /** The provider was asked to close (concede) the dispute of this payment once. */
    void verifyDisputeConceded(Booked booked);

    /** Waits until everything the provider reported about this payment's dispute was applied. */
    void awaitDisputeReportsApplied(Booked booked);

    // ---- payouts -----------------------------------------------------------------------------------------------

    /** What Soiree answered when the host asked to onboard: the link to the provider's onboarding. */
    void verifyOnboardingUrl(Session host, String onboardingUrl);

    /** The provider reports the host's payout account enabled (the simulator enables it at once, by itself). */
    void enablePayoutAccount(Session host);

    /** The provider will refuse transfers to this host. */
    void refuseTransfers(Session host);

    /** A word of the failure reason the provider gives for a refused transfer. */
    String transferRefusal();

    /** The provider reports the transfer of this payout reversed. */
    void reverseTransfer(Session actor, Session host, String payoutId, long amount);

    void verifyTransferReference(String payoutId, String transferReference);

    /** The transfers the provider was asked to make to this host, in order: their payout ids and amounts. */
    void verifyTransfersAsked(Session host, List<String> payoutIds, List<Long> amounts);
}
