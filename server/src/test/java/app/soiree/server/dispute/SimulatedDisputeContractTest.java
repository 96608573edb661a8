package app.soiree.server.dispute;

import app.soiree.server.support.Api;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.ProviderDriver;
import app.soiree.server.support.SimulatedProvider;

/** The dispute contract with the embedded simulated provider, which opens and decides disputes through its development endpoint. */
@IntegrationTest
class SimulatedDisputeContractTest extends DisputeContract {

    @Override
    ProviderDriver provider(Api api) {
        return new SimulatedProvider(api);
    }
}
