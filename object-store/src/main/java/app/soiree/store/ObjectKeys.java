package app.soiree.store;

import java.util.regex.Pattern;

/** The shape every key must have: no way out of the store's root, nothing a file system or S3 reads differently. */
public final class ObjectKeys {

    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
    private static final int MAX_LENGTH = 512;

    private ObjectKeys() {
    }

    /** The key itself, when it is one; otherwise an {@link IllegalArgumentException}. */
    public static String check(String key) {
        if (key.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("An object key has at most " + MAX_LENGTH + " characters");
        }
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException("Not an object key: " + key);
            }
        }
        return key;
    }
}
