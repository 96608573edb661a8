package app.soiree.server.payment;

import app.soiree.server.support.StripeIntegrationTest;

/** The payment contract with Stripe: the real SDK against the stand-in, and signed webhooks. */
@StripeIntegrationTest
class StripePaymentContractTest extends PaymentContract {
}
