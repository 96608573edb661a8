package app.soiree.server.refund;

import app.soiree.server.support.StripeIntegrationTest;

/** The refund contract with Stripe: the real SDK against the stand-in's Refunds API, and signed refund webhooks. */
@StripeIntegrationTest
class StripeRefundContractTest extends RefundContract {
}
