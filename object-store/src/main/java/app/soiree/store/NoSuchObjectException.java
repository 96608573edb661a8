package app.soiree.store;

import java.io.IOException;

/** The store has no object under the key. */
public class NoSuchObjectException extends IOException {

    public NoSuchObjectException(String key) {
        super("No object under " + key);
    }
}
