package app.soiree.server.payout;

import app.soiree.server.support.IntegrationTest;

/** The payout contract with the embedded simulated provider. */
@IntegrationTest
class SimulatedPayoutContractTest extends PayoutContract {
}
