package app.soiree.command.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Evidence is recognised by its first bytes, not by what its name or declared type claims. */
class EvidenceFilesTest {

    @Test
    void recognisesPdfPngAndJpegByTheirContent() {
        assertThat(EvidenceFiles.Kind.sniff("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII))).contains(EvidenceFiles.Kind.PDF);
        assertThat(EvidenceFiles.Kind.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0})).contains(EvidenceFiles.Kind.PNG);
        assertThat(EvidenceFiles.Kind.sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0})).contains(EvidenceFiles.Kind.JPEG);
    }

    @Test
    void recognisesNothingElse() {
        assertThat(EvidenceFiles.Kind.sniff("<html><script>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(EvidenceFiles.Kind.sniff("%PD".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(EvidenceFiles.Kind.sniff(new byte[] {'M', 'Z', (byte) 0x90, 0})).isEmpty();
    }

    @Test
    void keepsOnlyTheLastPathSegmentOfANameWithoutControlCharacters() {
        assertThat(EvidenceFiles.safeName("../../etc/passwd", EvidenceFiles.Kind.PDF)).isEqualTo("passwd");
        assertThat(EvidenceFiles.safeName("C:\\docs\\receipt\".pdf", EvidenceFiles.Kind.PDF)).isEqualTo("receipt.pdf");
        assertThat(EvidenceFiles.safeName("line\nbreak.png", EvidenceFiles.Kind.PNG)).isEqualTo("linebreak.png");
        assertThat(EvidenceFiles.safeName(null, EvidenceFiles.Kind.JPEG)).isEqualTo("evidence.jpeg");
        assertThat(EvidenceFiles.safeName("a".repeat(300) + ".pdf", EvidenceFiles.Kind.PDF)).hasSize(200).endsWith(".pdf");
    }
}
