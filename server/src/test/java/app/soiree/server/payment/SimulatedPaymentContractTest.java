package app.soiree.server.payment;

import app.soiree.server.support.Api;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.ProviderDriver;
import app.soiree.server.support.SimulatedProvider;

/** The payment contract with the embedded simulated provider. */
@IntegrationTest
class SimulatedPaymentContractTest extends PaymentContract {

    @Override
    ProviderDriver provider(Api api) {
        return new SimulatedProvider(api);
    }
}
