package app.soiree.server.refund;

import app.soiree.server.support.IntegrationTest;

/** The refund contract with the embedded simulated provider, which confirms each refund through the provider inbox. */
@IntegrationTest
class SimulatedRefundContractTest extends RefundContract {
}
