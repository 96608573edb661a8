package app.soiree.query.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.Money;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import app.soiree.query.ProjectionTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sections the HTTP test cannot easily fill (refunds, payouts, reports of all kinds, media, reviews, blocks and
 * bans), read from rows as the projections write them, for two users side by side: each export holds its own only.
 */
class DataExportTest extends ProjectionTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 7, 18, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    DataExport dataExport;

    @Test
    void everySectionHoldsTheUsersOwnRowsAndNoneOfAnothers() {
        UserId ada = UserId.random();
        UserId ben = UserId.random();
        Written adas = writeRowsOf(ada, ben);
        writeRowsOf(ben, ada);

        PersonalData data = dataExport.of(ada);

        assertThat(data.profile().email()).isEqualTo(ada + "@soiree.test");
        assertThat(data.profile().roles()).containsExactly("USER", "HOST");
        assertThat(data.bookings()).singleElement().satisfies(booking -> {
            assertThat(booking.bookingId()).isEqualTo(adas.bookingId());
            assertThat(booking.refunded()).isEqualTo(Money.of(500, "EUR"));
        });
        assertThat(data.refunds()).singleElement().satisfies(refund -> assertThat(refund.bookingId()).isEqualTo(adas.bookingId()));
        assertThat(data.payouts()).singleElement().satisfies(payout -> assertThat(payout.amount()).isEqualTo(Money.of(9000, "EUR")));
        assertThat(data.reports()).extracting(PersonalData.ReportEntry::targetType).containsExactly("USER", "MESSAGE");
        assertThat(data.reports()).extracting(PersonalData.ReportEntry::note).containsExactly("note by " + ada, "message note by " + ada);
        assertThat(data.media()).singleElement().satisfies(media -> assertThat(media.kind()).isEqualTo("IMAGE"));
        assertThat(data.reviews()).singleElement().satisfies(review -> assertThat(review.text()).isEqualTo("review by " + ada));
        assertThat(data.relationships().blocked()).singleElement().satisfies(block -> assertThat(block.userId()).isEqualTo(ben.value()));
        assertThat(data.relationships().bannedGuests()).singleElement().satisfies(ban -> assertThat(ban.reason()).isEqualTo("ban by " + ada));
        assertThat(data.truncatedSections()).isEmpty();
        assertThat(data.toString()).doesNotContain(ben + "@soiree.test", "note by " + ben, "review by " + ben, "ban by " + ben);
    }

    @Test
    void aUserTheProfilesDoNotKnowYetHasNothingToExport() {
        assertThatThrownBy(() -> dataExport.of(UserId.random())).isInstanceOf(SoireeException.class).hasMessageContaining("was not found");
    }

    private record Written(UUID bookingId) {
    }

    /** One row of each kind for {@code user}, some of them about {@code other}. */
    private Written writeRowsOf(UserId user, UserId other) {
        UUID me = user.value();
        UUID bookingId = UUID.randomUUID();
        UUID gatheringId = UUID.randomUUID();
        jdbc.sql("insert into user_profiles (user_id, email, display_name, roles, registered_at) values (?, ?, ?, 'USER,HOST', ?)")
                .params(me, user + "@soiree.test", "Name of " + user, AT).update();
        jdbc.sql("""
                        insert into bookings (booking_id, gathering_id, host_id, guest_id, tier_id, quantity, status, amount, currency,
                                              refunded_amount, created_at)
                        values (?, ?, ?, ?, ?, 1, 'CONFIRMED', 2500, 'EUR', 500, ?)""")
                .params(bookingId, gatheringId, other.value(), me, UUID.randomUUID(), AT).update();
        jdbc.sql("""
                        insert into refunds (refund_id, payment_id, booking_id, gathering_id, amount, currency, reason, status, requested_by,
                                             requested_at, updated_at)
                        values (?, ?, ?, ?, 500, 'EUR', 'Guest cancelled', 'SUCCEEDED', ?, ?, ?)""")
                .params(UUID.randomUUID(), UUID.randomUUID(), bookingId, gatheringId, me.toString(), AT, AT).update();
        jdbc.sql("""
                        insert into payouts (payout_id, host_id, amount, currency, status, required_approvals, requested_at, updated_at)
                        values (?, ?, 9000, 'EUR', 'PAID', 0, ?, ?)""")
                .params(UUID.randomUUID(), me, AT, AT).update();
        jdbc.sql("""
                        insert into reports (report_id, target_type, target_id, subject_id, reported_by, reason, note, reported_at, status)
                        values (?, 'USER', ?, ?, ?, 'SPAM', ?, ?, 'OPEN')""")
                .params(UUID.randomUUID(), other.value(), other.value(), me, "note by " + user, AT).update();
        jdbc.sql("""
                        insert into chat_reports (report_id, conversation_id, message_id, reported_by, author_id, reason, note, reported_at, status)
                        values (?, ?, ?, ?, ?, 'SPAM', ?, ?, 'OPEN')""")
                .params(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), me, other.value(), "message note by " + user, AT.plusMinutes(1))
                .update();
        jdbc.sql("""
                        insert into media (media_id, uploader_id, purpose, kind, status, content_type, size_bytes, uploaded_at, updated_at)
                        values (?, ?, 'AVATAR', 'IMAGE', 'READY', 'image/png', 1024, ?, ?)""")
                .params(UUID.randomUUID(), me, AT, AT).update();
        jdbc.sql("insert into reviews (gathering_id, guest_id, host_id, rating, text, created_at) values (?, ?, ?, 4, ?, ?)")
                .params(gatheringId, me, other.value(), "review by " + user, AT).update();
        jdbc.sql("insert into user_blocks (blocker_id, blocked_id, blocked_at) values (?, ?, ?)").params(me, other.value(), AT).update();
        jdbc.sql("insert into guest_bans (host_id, guest_id, reason, banned_at) values (?, ?, ?, ?)")
                .params(me, other.value(), "ban by " + user, AT).update();
        return new Written(bookingId);
    }
}
