package app.soiree.server.refund;

import app.soiree.server.support.Api;
import app.soiree.server.support.ProviderDriver;
import app.soiree.server.support.StripeIntegrationTest;
import app.soiree.server.support.stripe.StripeProvider;

/** The refund contract with Stripe: the real SDK against the stand-in's Refunds API, and signed refund webhooks. */
@StripeIntegrationTest
class StripeRefundContractTest extends RefundContract {

    @Override
    ProviderDriver provider(Api api) {
        return new StripeProvider(api, jdbc);
    }
}
