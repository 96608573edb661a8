package app.soiree.api.media;

/** Where a medium's bytes live in the object store. */
public final class MediaObjects {

    private MediaObjects() {
    }

    /** The bytes as uploaded: never served, since nothing has stripped them yet; removed once processing ends. */
    public static String upload(MediaId mediaId) {
        return "media/" + mediaId.value() + "/upload";
    }

    /** A processed variant ({@link MediaVariant#ORIGINAL}, {@link MediaVariant#DISPLAY}, {@link MediaVariant#THUMBNAIL}). */
    public static String variant(MediaId mediaId, String variant) {
        return "media/" + mediaId.value() + "/" + variant;
    }
}
