package app.soiree.api.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ContentCipherTest {

    private final UUID keyId = UUID.randomUUID();
    private final byte[] key = ContentCipher.newKey();

    @Test
    void aSealedTextOpensWithItsKeyAndReadsAsNothingWithout() {
        SealedText sealed = ContentCipher.seal(keyId, key, "See you at eight");

        assertThat(sealed.sealed()).doesNotContain("eight");
        assertThat(ContentCipher.open(sealed, key)).isEqualTo("See you at eight");
        assertThat(ContentCipher.seal(keyId, key, "See you at eight").sealed())
                .as("a fresh nonce each time").isNotEqualTo(sealed.sealed());
    }

    @Test
    void anotherKeyOrAnotherKeyIdIsRefusedAndTheThreadsCipherStillWorksAfterwards() {
        SealedText sealed = ContentCipher.seal(keyId, key, "secret");

        assertThatThrownBy(() -> ContentCipher.open(sealed, ContentCipher.newKey())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContentCipher.open(new SealedText(UUID.randomUUID(), sealed.sealed()), key))
                .as("the key id is bound into the text").isInstanceOf(IllegalArgumentException.class);

        // The same thread's cipher is initialised afresh after a failed opening.
        assertThat(ContentCipher.open(sealed, key)).isEqualTo("secret");
        assertThat(ContentCipher.open(ContentCipher.seal(keyId, key, "again"), key)).isEqualTo("again");
    }

    @Test
    void threadsSealAndOpenAtOnceWithoutMixingTheirTexts() throws Exception {
        try (var threads = Executors.newFixedThreadPool(4)) {
            var results = IntStream.range(0, 400).mapToObj(i -> threads.submit(() -> {
                String text = "message " + i;
                return ContentCipher.open(ContentCipher.seal(keyId, key, text), key).equals(text);
            })).toList();
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        }
    }
}
