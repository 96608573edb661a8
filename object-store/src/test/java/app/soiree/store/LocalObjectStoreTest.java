package app.soiree.store;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a directory. */
class LocalObjectStoreTest extends ObjectStoreContract {

    @TempDir
    static Path root;
    static LocalObjectStore store;

    @BeforeAll
    static void open() throws IOException {
        store = new LocalObjectStore(root.resolve("objects"));
    }

    @Override
    ObjectStore store() {
        return store;
    }

    @Override
    boolean servesSignedUrls() {
        return false;
    }
}
