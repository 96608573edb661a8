package app.soiree.command.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Evidence is recognised by its first bytes (Tika's magic-byte detector, through the object store's
 * {@code ContentSniffer}), not by what its name or declared type claims; the stream is left at its start, so the same
 * stream then goes whole into the store.
 */
class EvidenceFilesTest {

    @Test
    void recognisesPdfPngAndJpegByTheirContent() throws IOException {
        assertThat(sniff("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII))).contains(EvidenceFiles.Kind.PDF);
        assertThat(sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0})).contains(EvidenceFiles.Kind.PNG);
        assertThat(sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0})).contains(EvidenceFiles.Kind.JPEG);
    }

    @Test
    void recognisesNothingElse() throws IOException {
        assertThat(sniff("<html><script>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(sniff("%PD".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(sniff(new byte[] {'M', 'Z', (byte) 0x90, 0})).isEmpty();
        assertThat(sniff(new byte[0])).isEmpty();
    }

    @Test
    void leavesTheStreamAtItsStart() throws IOException {
        byte[] pdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        BufferedInputStream stream = new BufferedInputStream(new ByteArrayInputStream(pdf));

        assertThat(EvidenceFiles.Kind.sniff(stream)).contains(EvidenceFiles.Kind.PDF);

        assertThat(stream.readAllBytes()).isEqualTo(pdf);
    }

    @Test
    void keepsOnlyTheLastPathSegmentOfANameWithoutControlCharacters() {
        assertThat(EvidenceFiles.safeName("../../etc/passwd", EvidenceFiles.Kind.PDF)).isEqualTo("passwd");
        assertThat(EvidenceFiles.safeName("C:\\docs\\receipt\".pdf", EvidenceFiles.Kind.PDF)).isEqualTo("receipt.pdf");
        assertThat(EvidenceFiles.safeName("line\nbreak.png", EvidenceFiles.Kind.PNG)).isEqualTo("linebreak.png");
        assertThat(EvidenceFiles.safeName(null, EvidenceFiles.Kind.JPEG)).isEqualTo("evidence.jpeg");
        assertThat(EvidenceFiles.safeName("a".repeat(300) + ".pdf", EvidenceFiles.Kind.PDF)).hasSize(200).endsWith(".pdf");
    }

    private static Optional<EvidenceFiles.Kind> sniff(byte[] content) throws IOException {
        return EvidenceFiles.Kind.sniff(new BufferedInputStream(new ByteArrayInputStream(content)));
    }
}
