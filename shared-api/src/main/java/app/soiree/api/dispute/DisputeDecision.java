package app.soiree.api.dispute;

/** Support's two answers to a dispute, each made once at the provider: submit the evidence, or concede. */
public enum DisputeDecision {
    SUBMIT,
    ACCEPT
}
