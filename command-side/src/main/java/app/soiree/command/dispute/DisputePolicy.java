package app.soiree.command.dispute;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How support handles disputes (what a dispute withholds is the payment's {@code DisputeFees}).
 * <ul>
 *   <li>{@code maxFileSize}, {@code maxFilesPerDispute}, {@code maxEvidenceChars}: limits on evidence (Stripe
 *   accepts at most 5 MB per file and 150,000 characters of evidence text).</li>
 *   <li>{@code simulatedEvidenceWindow}: how long the simulated provider gives to answer a dispute.</li>
 * </ul>
 */
@ConfigurationProperties("soiree.disputes")
public record DisputePolicy(@Nullable DataSize maxFileSize, @Nullable Integer maxFilesPerDispute, @Nullable Integer maxEvidenceChars,
                            @Nullable Duration simulatedEvidenceWindow) {

    public DisputePolicy {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(5) : maxFileSize;
        maxFilesPerDispute = maxFilesPerDispute == null ? 20 : maxFilesPerDispute;
        maxEvidenceChars = maxEvidenceChars == null ? 20_000 : maxEvidenceChars;
        simulatedEvidenceWindow = simulatedEvidenceWindow == null ? Duration.ofDays(7) : simulatedEvidenceWindow;
        if (maxFileSize.toBytes() <= 0 || maxFilesPerDispute <= 0 || maxEvidenceChars <= 0 || simulatedEvidenceWindow.isNegative()) {
            throw new IllegalArgumentException("soiree.disputes: limits must be positive");
        }
    }
}
