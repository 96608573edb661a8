package app.soiree.server.payout;

import app.soiree.server.support.Api;
import app.soiree.server.support.StripeIntegrationTest;
import app.soiree.server.support.ProviderDriver;
import app.soiree.server.support.stripe.StripeProvider;

/** The payout contract with Stripe Connect: the real SDK against the stand-in for accounts and transfers, and signed webhooks. */
@StripeIntegrationTest
class StripePayoutContractTest extends PayoutContract {

    @Override
    ProviderDriver provider(Api api) {
        return new StripeProvider(api, jdbc);
    }
}
