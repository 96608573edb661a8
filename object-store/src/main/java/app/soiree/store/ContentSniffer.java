package app.soiree.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * Reads a file's type from its first bytes with Apache Tika's magic-byte detector. Neither the file's name nor the type
 * its sender declared is ever consulted: both are the sender's word.
 */
public final class ContentSniffer {

    private static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();

    private ContentSniffer() {
    }

    /**
     * The type of the content {@code stream} starts with, as {@code type/subtype} without parameters
     * ({@code application/octet-stream} when nothing matches). The stream is left where it was: it must support mark and
     * reset, as a {@link BufferedInputStream} does.
     */
    public static String sniff(InputStream stream) throws IOException {
        if (!stream.markSupported()) {
            throw new IllegalArgumentException("The stream must support mark and reset");
        }
        MediaType type = DETECTOR.detect(stream, new Metadata());
        return type.getBaseType().toString();
    }
}
