package app.soiree.api.media;

public enum MediaStatus {
    /** Stored as uploaded, not yet checked and stripped: only its uploader sees it, and nobody its bytes. */
    PROCESSING,
    READY,
    /** Processing refused it (a reason says why); its bytes are gone. */
    REJECTED,
    /** Deleted by its uploader or support, with what it was attached to, or purged because it was never attached. */
    DELETED
}
