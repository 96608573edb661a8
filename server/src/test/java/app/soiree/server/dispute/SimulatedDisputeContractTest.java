package app.soiree.server.dispute;

import app.soiree.server.support.IntegrationTest;

/** The dispute contract with the embedded simulated provider, which opens and decides disputes through its development endpoint. */
@IntegrationTest
class SimulatedDisputeContractTest extends DisputeContract {
}
