package app.soiree.query.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeysetPageTest {

    @Test
    void aPageCutFromOneExtraRowPointsAfterItsLastItem() {
        KeysetPage<Integer> page = KeysetPage.of(List.of(1, 2, 3), 2, KeysetPageTest::position);

        assertThat(page.items()).containsExactly(1, 2);
        assertThat(Cursor.decode(page.nextCursor())).isEqualTo(position(2));
    }

    @Test
    void aPageWithoutTheExtraRowIsTheLast() {
        KeysetPage<Integer> page = KeysetPage.of(List.of(1, 2), 2, KeysetPageTest::position);

        assertThat(page.items()).containsExactly(1, 2);
        assertThat(page.nextCursor()).isNull();
    }

    private static Cursor position(int item) {
        return new Cursor(Instant.EPOCH, new UUID(0, item));
    }
}
