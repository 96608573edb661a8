package app.soiree.server.payout;

import app.soiree.server.support.Api;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.ProviderDriver;
import app.soiree.server.support.SimulatedProvider;

/** The payout contract with the embedded simulated provider. */
@IntegrationTest
class SimulatedPayoutContractTest extends PayoutContract {

    @Override
    ProviderDriver provider(Api api) {
        return new SimulatedProvider(api);
    }
}
