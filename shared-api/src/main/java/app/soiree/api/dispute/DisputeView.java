package app.soiree.api.dispute;

import app.soiree.api.Money;
import app.soiree.api.booking.PaymentView;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.payment.PaymentId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A dispute in full, for support: what was paid and by whom, what the provider withdrew ({@code amount} plus
 * {@code fee}, of which the host bears {@code hostShare}), the evidence so far, and everything that happened, in order.
 */
public record DisputeView(DisputeId disputeId, PaymentId paymentId, @Nullable PaymentView payment, BookingId bookingId,
                          GatheringId gatheringId, @Nullable String gatheringTitle, Party guest, Party host, String provider,
                          String providerDisputeId, Money amount, Money fee, Money hostShare, String reason, DisputeStatus status,
                          ProviderDisputeStatus providerStatus, Instant evidenceDueBy, boolean overdue, Instant openedAt,
                          @Nullable Instant submittedAt, @Nullable UserId submittedBy, @Nullable Instant acceptedAt,
                          @Nullable UserId acceptedBy, @Nullable Instant closedAt, List<Evidence> evidence, List<EvidenceFile> files,
                          List<TimelineEntry> timeline) {

    /** A guest or host; the name is absent when their profile is not (yet) known here. */
    public record Party(UserId userId, @Nullable String displayName) {
    }

    public record Evidence(EvidenceId evidenceId, String text, List<EvidenceFileId> fileIds, UserId addedBy, Instant addedAt) {
    }

    public record EvidenceFile(EvidenceFileId fileId, String fileName, String contentType, long sizeBytes, UserId uploadedBy,
                               Instant uploadedAt) {
    }

    /** {@code what} names the event ({@code DisputeOpened}, {@code DisputeEvidenceAdded} ...); {@code actor} who caused it. */
    public record TimelineEntry(Instant at, String what, String actor, String detail) {
    }
}
