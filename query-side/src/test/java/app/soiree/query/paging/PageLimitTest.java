package app.soiree.query.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageLimitTest {

    @Test
    void anAbsentLimitIsTheDefaultOfTwenty() {
        assertThat(PageLimit.validated(null)).isEqualTo(20);
    }

    @Test
    void aRequestedLimitMustBeBetweenOneAndAHundred() {
        assertThat(PageLimit.validated(1)).isEqualTo(1);
        assertThat(PageLimit.validated(100)).isEqualTo(100);
        for (int refused : List.of(0, -5, 101)) {
            assertThatThrownBy(() -> PageLimit.validated(refused)).isInstanceOfSatisfying(SoireeException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        }
    }

    @Test
    void queryHandlersBendOddLimitsIntoRange() {
        assertThat(PageLimit.clamped(0)).isEqualTo(1);
        assertThat(PageLimit.clamped(10_000)).isEqualTo(100);
        assertThat(PageLimit.clamped(7)).isEqualTo(7);
    }
}
