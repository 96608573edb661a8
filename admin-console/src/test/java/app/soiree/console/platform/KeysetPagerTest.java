package app.soiree.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class KeysetPagerTest {

    private final List<Integer> rows = IntStream.range(0, 95).boxed().toList();
    private final List<@Nullable String> cursorsAsked = new ArrayList<>();
    private final KeysetPager<Integer> pager = new KeysetPager<>(10, this::page);

    private KeysetPager.Page<Integer> page(@Nullable String cursor) {
        cursorsAsked.add(cursor);
        int start = cursor == null ? 0 : Integer.parseInt(cursor);
        int end = Math.min(rows.size(), start + 10);
        return new KeysetPager.Page<>(rows.subList(start, end), end < rows.size() ? Integer.toString(end) : null);
    }

    @Test
    void answersAnyOffsetAndLimitAcrossPages() {
        assertThat(pager.fetch(0, 25).toList()).isEqualTo(rows.subList(0, 25));
        assertThat(pager.fetch(37, 8).toList()).isEqualTo(rows.subList(37, 45));
    }

    @Test
    void walksForwardFromTheLastKnownCursorWhenAskedFarAhead() {
        assertThat(pager.fetch(60, 10).toList()).isEqualTo(rows.subList(60, 70));

        assertThat(cursorsAsked).containsExactly(null, "10", "20", "30", "40", "50", "60");
    }

    @Test
    void stopsAtTheEndAndNeverAsksBeyondIt() {
        assertThat(pager.fetch(90, 10).toList()).isEqualTo(rows.subList(90, 95));
        int asked = cursorsAsked.size();

        assertThat(pager.fetch(100, 10).toList()).isEmpty();
        assertThat(pager.fetch(200, 10).toList()).isEmpty();
        assertThat(cursorsAsked).hasSize(asked);
    }

    @Test
    void keepsRecentPagesAndForgetsEverythingOnReset() {
        pager.fetch(0, 20).toList();
        pager.fetch(0, 20).toList();
        assertThat(cursorsAsked).containsExactly(null, "10");

        pager.reset();
        pager.fetch(0, 10).toList();
        assertThat(cursorsAsked).containsExactly(null, "10", null);
    }
}
