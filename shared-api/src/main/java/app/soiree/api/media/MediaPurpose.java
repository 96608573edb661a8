package app.soiree.api.media;

/** What an upload is for; it decides the types and sizes accepted, and what the medium may be attached to. */
public enum MediaPurpose {
    CHAT_IMAGE(MediaKind.IMAGE, AttachmentKind.MESSAGE),
    VOICE_NOTE(MediaKind.VOICE_NOTE, AttachmentKind.MESSAGE),
    AVATAR(MediaKind.IMAGE, AttachmentKind.AVATAR),
    GATHERING_COVER(MediaKind.IMAGE, AttachmentKind.GATHERING_COVER);

    private final MediaKind kind;
    private final AttachmentKind attachesTo;

    MediaPurpose(MediaKind kind, AttachmentKind attachesTo) {
        this.kind = kind;
        this.attachesTo = attachesTo;
    }

    public MediaKind kind() {
        return kind;
    }

    public AttachmentKind attachesTo() {
        return attachesTo;
    }
}
