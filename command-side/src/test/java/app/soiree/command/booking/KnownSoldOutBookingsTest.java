package app.soiree.command.booking;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.SoldOut;
import app.soiree.api.gathering.TierId;
import app.soiree.command.gathering.BookingPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Only a plainly new booking of a tier known to be sold out is refused at the edge; anything else runs and is answered there. */
class KnownSoldOutBookingsTest {

    private static final GatheringId GATHERING = new GatheringId(UUID.randomUUID());
    private static final TierId TIER = new TierId(UUID.randomUUID());

    private final SoldOutTiers tiers = new SoldOutTiers(Duration.ofMinutes(1));
    private final KnownSoldOutBookings known = new KnownSoldOutBookings(tiers, new BookingPolicy(Duration.ofMinutes(10), 10, 100));

    @Test
    void aNewBookingOfATierKnownSoldOutIsRefusedAsTheGatheringWouldRefuseIt() {
        tiers.remember(GATHERING, TIER, new SoldOut(1), tiers.moment());

        assertThat(refusal("/api/bookings", body("\"quantity\": 2"))).hasValueSatisfying(refusal -> {
            assertThat(refusal.code()).isEqualTo(ErrorCode.SOLD_OUT);
            assertThat(refusal.getMessage()).isEqualTo(new SoldOut(1).message());
            assertThat(refusal.getStackTrace()).as("answered at the edge, never thrown").isEmpty();
        });
        assertThat(refusal("/api/bookings", body("\"quantity\": 1"))).as("one seat is left").isEmpty();
    }

    @Test
    void whatIsNotPlainlyANewBookingRuns() {
        tiers.remember(GATHERING, TIER, new SoldOut(0), tiers.moment());

        assertThat(refused("/api/bookings", body("\"quantity\": 1"))).isTrue();
        assertThat(refused("/api/bookings", body("\"quantity\": 1, \"bookingId\": \"" + UUID.randomUUID() + "\""))).as("names its booking").isFalse();
        assertThat(refused("/api/bookings", body("\"quantity\": 1, \"bookingId\": null"))).isTrue();
        assertThat(refused("/api/bookings", body("\"quantity\": 0"))).as("invalid: the controller says so").isFalse();
        assertThat(refused("/api/bookings", body("\"quantity\": 11"))).as("beyond the policy: the gathering says so").isFalse();
        assertThat(refused("/api/bookings", body("\"quantity\": \"1\""))).isFalse();
        assertThat(refused("/api/bookings", body("\"quantity\": 1.5"))).isFalse();
        assertThat(refused("/api/bookings", "{\"gatheringId\": \"nope\", \"tierId\": \"" + TIER.value() + "\", \"quantity\": 1}")).isFalse();
        assertThat(refused("/api/bookings", "{\"gatheringId\": 7, \"tierId\": \"" + TIER.value() + "\", \"quantity\": 1}")).isFalse();
        assertThat(refused("/api/bookings", "{\"tierId\": \"" + TIER.value() + "\", \"quantity\": 1}")).isFalse();
        assertThat(refused("/api/bookings", "[1, 2]")).isFalse();
        assertThat(refused("/api/bookings", "{not json")).isFalse();
        assertThat(refused("/api/bookings/" + UUID.randomUUID() + "/cancel", body("\"quantity\": 1"))).isFalse();
    }

    private Optional<SoireeException> refusal(String path, String body) {
        return known.refusalOf(path, body.getBytes(StandardCharsets.UTF_8));
    }

    private boolean refused(String path, String body) {
        return refusal(path, body).isPresent();
    }

    private static String body(String quantityAndMore) {
        return "{\"gatheringId\": \"" + GATHERING.value() + "\", \"tierId\": \"" + TIER.value() + "\", " + quantityAndMore + "}";
    }
}
