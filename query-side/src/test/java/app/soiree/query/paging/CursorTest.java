package app.soiree.query.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

    @Test
    void aCursorReadsBackAsTheSamePosition() {
        Cursor cursor = new Cursor(Instant.parse("2026-12-31T18:00:00.123456Z"), UUID.randomUUID());

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void anEncodedCursorIsSafeInAQueryString() {
        String encoded = new Cursor(Instant.parse("2026-12-31T18:00:00Z"), UUID.randomUUID()).encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void noCursorMeansTheFirstPage() {
        assertThat(Cursor.decode(null)).isNull();
        assertThat(Cursor.decode(" ")).isNull();
        assertThat(Cursor.requireValid("")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"%%%", "bm90IGEgY3Vyc29y", "MjAyNi0xMi0zMVQxODowMDowMFp8bm90LWEtdXVpZA"})
    void aCursorThisApiDidNotHandOutIsInvalidInput(String cursor) {
        assertThatThrownBy(() -> Cursor.decode(cursor)).isInstanceOfSatisfying(SoireeException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void anOverlongCursorIsRefusedBeforeItIsDecoded() {
        String huge = Base64.getUrlEncoder().encodeToString("x".repeat(1000).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Cursor.decode(huge)).isInstanceOf(SoireeException.class);
    }
}
