package app.soiree.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Exactly {@code length} bytes of another stream, or a failure: when that stream ends sooner, or still has bytes once
 * {@code length} have been read. An uploader told the length up front reads exactly that many bytes and stops, so without
 * this a longer stream would be stored cut short without a word, and a shorter one would leave the request waiting for
 * bytes that never come.
 *
 * <p>The failure is a {@link WrongLengthException} (unchecked, not an {@link IOException}) so that the S3 SDK, which
 * retries I/O failures, gives up at once: sending the same stream again cannot fix its length.
 */
final class ExactLengthInputStream extends FilterInputStream {

    private final long length;
    private long position;
    private long markedPosition;

    ExactLengthInputStream(InputStream in, long length) {
        super(in);
        if (length < 0) {
            throw new IllegalArgumentException("A length is never negative: " + length);
        }
        this.length = length;
    }

    @Override
    public int read() throws IOException {
        if (position >= length) {
            return -1;
        }
        int read = super.read();
        if (read < 0) {
            throw tooShort();
        }
        advance(1);
        return read;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        if (count == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        int read = super.read(buffer, offset, (int) Math.min(count, length - position));
        if (read < 0) {
            throw tooShort();
        }
        advance(read);
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(Math.max(n, 0), length - position));
        advance(skipped);
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(super.available(), length - position);
    }

    @Override
    public synchronized void mark(int readLimit) {
        super.mark(readLimit);
        markedPosition = position;
    }

    @Override
    public synchronized void reset() throws IOException {
        super.reset();
        position = markedPosition;
    }

    /** Checks a stream that should be empty (nothing ever reads an empty body, so the end check never runs). */
    static void requireEmpty(InputStream in) throws IOException {
        if (in.read() >= 0) {
            throw new WrongLengthException("The content goes on past its declared 0 bytes");
        }
    }

    private void advance(long count) throws IOException {
        position += count;
        if (position == length && in.read() >= 0) {
            throw new WrongLengthException("The content goes on past its declared " + length + " bytes");
        }
    }

    private WrongLengthException tooShort() {
        return new WrongLengthException("The content ended after " + position + " of its declared " + length + " bytes");
    }

    /** The stream is not as long as declared. */
    static final class WrongLengthException extends RuntimeException {

        WrongLengthException(String message) {
            super(message);
        }
    }
}
