package app.soiree.query.gathering;

import org.jspecify.annotations.Nullable;

final class Ratings {

    private Ratings() {
    }

    /** No reviews is no rating at all, not a rating of zero. */
    static @Nullable Double average(long sum, long count) {
        return count == 0 ? null : (double) sum / count;
    }
}
