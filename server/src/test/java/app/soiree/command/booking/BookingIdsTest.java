package app.soiree.command.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.command.booking.BookingIds.Binding;
import app.soiree.server.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch of holds binds its booking ids in one statement ({@link BookingIds#recordAll}), against the real table: new
 * ids are bound, an id already its own booking's is accepted again, and one id bound elsewhere refuses the whole batch,
 * whose transaction then takes back the others. (In the package of {@link BookingIds}, which is not public.)
 */
@IntegrationTest
class BookingIdsTest {

    private static final GatheringId GATHERING = new GatheringId(UUID.randomUUID());
    private static final GatheringId ANOTHER_GATHERING = new GatheringId(UUID.randomUUID());

    @Autowired
    BookingIds bookingIds;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBatchBindsEveryNewIdAndAcceptsItsOwnIdsAgain() {
        List<Binding> batch = List.of(binding(GATHERING, guest()), binding(GATHERING, guest()), binding(GATHERING, guest()));

        transaction.executeWithoutResult(status -> bookingIds.recordAll(batch));

        batch.forEach(binding -> assertThat(ownerOf(binding.bookingId())).isEqualTo(List.of(binding.gatheringId().value(), binding.guestId().value())));
        Binding fresh = binding(GATHERING, guest());
        transaction.executeWithoutResult(status -> bookingIds.recordAll(List.of(batch.get(1), fresh, batch.get(1))));
        assertThat(ownerOf(fresh.bookingId())).isEqualTo(List.of(GATHERING.value(), fresh.guestId().value()));
    }

    @Test
    void oneIdBoundElsewhereRefusesTheWholeBatch() {
        Binding taken = binding(GATHERING, guest());
        bookingIds.recordAll(List.of(taken));
        Binding fresh = binding(ANOTHER_GATHERING, guest());
        Binding takeOver = new Binding(taken.bookingId(), ANOTHER_GATHERING, fresh.guestId());

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> bookingIds.recordAll(List.of(fresh, takeOver))))
                .isInstanceOfSatisfying(SoireeException.class, refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.ID_ALREADY_USED));

        assertThat(ownerOf(taken.bookingId())).as("still its first owner's").isEqualTo(List.of(GATHERING.value(), taken.guestId().value()));
        assertThat(ownerOf(fresh.bookingId())).as("taken back with the batch").isEmpty();
    }

    @Test
    void oneIdTwiceInABatchForTwoGuestsIsRefused() {
        Binding first = binding(GATHERING, guest());
        Binding second = new Binding(first.bookingId(), GATHERING, guest());

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> bookingIds.recordAll(List.of(first, second))))
                .isInstanceOfSatisfying(SoireeException.class, refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.ID_ALREADY_USED));
        assertThat(ownerOf(first.bookingId())).isEmpty();
    }

    private static Binding binding(GatheringId gatheringId, UserId guestId) {
        return new Binding(new BookingId(UUID.randomUUID()), gatheringId, guestId);
    }

    private static UserId guest() {
        return new UserId(UUID.randomUUID());
    }

    private List<UUID> ownerOf(BookingId bookingId) {
        return jdbc.query("select gathering_id, guest_id from booking_lookup where booking_id = ?",
                (rs, row) -> List.of(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), bookingId.value())
                .stream().findFirst().orElse(List.of());
    }
}
