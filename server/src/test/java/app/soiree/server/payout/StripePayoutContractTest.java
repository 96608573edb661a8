package app.soiree.server.payout;

import app.soiree.server.support.StripeIntegrationTest;

/** The payout contract with Stripe Connect: the real SDK against the stand-in for accounts and transfers, and signed webhooks. */
@StripeIntegrationTest
class StripePayoutContractTest extends PayoutContract {
}
