package app.soiree.server.refund;

import app.soiree.server.support.Api;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.ProviderDriver;
import app.soiree.server.support.SimulatedProvider;

/** The refund contract with the embedded simulated provider, which confirms each refund through the provider inbox. */
@IntegrationTest
class SimulatedRefundContractTest extends RefundContract {

    @Override
    ProviderDriver provider(Api api) {
        return new SimulatedProvider(api);
    }
}
