package app.soiree.api.media;

/** What a medium can be attached to; who may see it follows from that. */
public enum AttachmentKind {
    /** A chat message: the conversation's members see it. */
    MESSAGE,
    /** A user's avatar: everyone sees it. */
    AVATAR,
    /** A gathering's cover: everyone once the gathering is published, its host before. */
    GATHERING_COVER
}
