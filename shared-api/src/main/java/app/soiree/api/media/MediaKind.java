package app.soiree.api.media;

/** What a medium is, whatever it is for. */
public enum MediaKind {
    IMAGE,
    VOICE_NOTE
}
