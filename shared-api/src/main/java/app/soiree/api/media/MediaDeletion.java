package app.soiree.api.media;

/** Why a medium was deleted. */
public final class MediaDeletion {

    public enum Reason {
        BY_UPLOADER,
        BY_SUPPORT,
        /** The message, avatar or cover it belonged to was deleted or replaced. */
        WITH_ATTACHMENT,
        /** Never attached within {@code soiree.media.unattached-ttl} of its upload. */
        UNATTACHED,
        /** Its uploader's personal data was erased; gathering covers, public listings, are kept. */
        UPLOADER_ERASED
    }

    private MediaDeletion() {
    }
}
