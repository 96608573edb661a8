package app.soiree.api.dispute;

public enum DisputeOutcome {
    WON,
    LOST
}
