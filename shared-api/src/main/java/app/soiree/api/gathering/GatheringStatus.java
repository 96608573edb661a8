package app.soiree.api.gathering;

public enum GatheringStatus {
    DRAFT,
    PUBLISHED,
    CANCELLED,
    ENDED
}
