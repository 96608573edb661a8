package app.soiree.server.dispute;

import app.soiree.server.support.StripeIntegrationTest;

/** The dispute contract with Stripe: signed charge.dispute webhooks, and support's concession sent with the real SDK to the stand-in. */
@StripeIntegrationTest
class StripeDisputeContractTest extends DisputeContract {
}
