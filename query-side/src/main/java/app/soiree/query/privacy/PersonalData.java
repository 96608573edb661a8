package app.soiree.query.privacy;

import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import app.soiree.api.notification.NotificationPreferences;
import app.soiree.api.social.PrivacySettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything the platform holds about one user, as the data export writes it. Other people appear only by id, where
 * the caller's own data is about them (whom they follow, whom they reported); never with their names or their words.
 * {@code truncatedSections} names any list cut at {@link DataExport#MAX_ROWS_PER_SECTION} rows (empty when whole).
 */
record PersonalData(UserId userId, Instant exportedAt, Profile profile, NotificationSettings notificationSettings,
                    List<BookingEntry> bookings, List<PaymentEntry> payments, List<RefundEntry> refunds, List<PayoutEntry> payouts,
                    Relationships relationships, List<MessageEntry> messages, List<NotificationEntry> notifications,
                    List<MediaEntry> media, List<ReportEntry> reports, List<ReviewEntry> reviews,
                    List<HostedGathering> hostedGatherings, List<String> truncatedSections) {

    record Profile(String displayName, String email, @Nullable String phone, @Nullable String bio, @Nullable UUID avatarMediaId,
                   List<String> roles, Instant registeredAt, PrivacySettings privacy) {
    }

    /** {@code phoneMasked}: the number notifications use, only ever stored masked on this side. */
    record NotificationSettings(NotificationPreferences preferences, @Nullable String phoneMasked, @Nullable Instant phoneVerifiedAt,
                                boolean whatsappConsent, Map<String, Boolean> optedOut, @Nullable Instant updatedAt) {
    }

    record BookingEntry(UUID bookingId, UUID gatheringId, @Nullable String gatheringTitle, UUID tierId, int quantity, String status,
                        Money amount, Money refunded, boolean checkedIn, Instant createdAt) {
    }

    record PaymentEntry(UUID paymentId, UUID bookingId, String provider, String status, Money amount, Money refundRequested,
                        @Nullable String failureReason, Instant updatedAt) {
    }

    record RefundEntry(UUID refundId, UUID paymentId, UUID bookingId, Money amount, String reason, String status, Instant requestedAt,
                       Instant updatedAt) {
    }

    record PayoutEntry(UUID payoutId, Money amount, String status, Instant requestedAt, Instant updatedAt) {
    }

    /** Follows both ways (state FOLLOWING, or REQUESTED while awaiting approval), the caller's blocks and guest bans. */
    record Relationships(List<Follow> following, List<Follow> followers, List<Block> blocked, List<GuestBan> bannedGuests) {
    }

    record Follow(UUID userId, String state, Instant since) {
    }

    record Block(UUID userId, Instant blockedAt) {
    }

    /** {@code reason}: what the caller, as a host, wrote when barring the guest. */
    record GuestBan(UUID userId, @Nullable String reason, Instant bannedAt) {
    }

    /** A message the caller wrote. A deleted one keeps its ids and times; its text and media are gone, here too. */
    record MessageEntry(UUID messageId, UUID conversationId, String type, @Nullable String text, @Nullable String reminderText,
                        List<UUID> mediaIds, Instant createdAt, @Nullable Instant editedAt, boolean deleted, @Nullable Instant deletedAt) {
    }

    record NotificationEntry(UUID notificationId, String category, String kind, String title, String body, @Nullable String link,
                             Instant createdAt, @Nullable Instant shownAt, @Nullable Instant readAt, boolean withdrawn) {
    }

    record MediaEntry(UUID mediaId, String purpose, String kind, String contentType, String status, long sizeBytes, Instant uploadedAt) {
    }

    /** {@code targetType}: USER, GATHERING or MESSAGE; {@code note}: what the caller wrote with the report. */
    record ReportEntry(UUID reportId, String targetType, UUID targetId, String reason, @Nullable String note, String status,
                       Instant reportedAt) {
    }

    record ReviewEntry(UUID gatheringId, int rating, String text, Instant createdAt) {
    }

    record HostedGathering(UUID gatheringId, String title, String status, Instant startsAt, Instant createdAt) {
    }
}
