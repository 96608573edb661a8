package app.soiree.server.payment;

import app.soiree.server.support.IntegrationTest;

/** The payment contract with the embedded simulated provider. */
@IntegrationTest
class SimulatedPaymentContractTest extends PaymentContract {
}
