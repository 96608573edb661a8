package app.soiree.command.booking;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.KnownRefusals;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.TierId;
import app.soiree.command.gathering.BookingPolicy;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A new booking for a tier the gathering has just found sold out, refused at the edge before its {@code Idempotency-Key}
 * is claimed ({@link SoldOutTiers}): in a rush nine guests in ten are told SOLD_OUT, and each used to take a claim, a
 * transaction in the controller's path and a remembered answer. Only a plainly new booking is refused here: a body that
 * names its booking (a retry, a waitlist offer), or that is not exactly what the controller would accept, runs as
 * usual and gets its answer there.
 */
@Component
class KnownSoldOutBookings implements KnownRefusals {

    private static final String BOOKINGS = "/api/bookings";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SoldOutTiers soldOut;
    private final BookingPolicy policy;

    KnownSoldOutBookings(SoldOutTiers soldOut, BookingPolicy policy) {
        this.soldOut = soldOut;
        this.policy = policy;
    }

    @Override
    public Optional<SoireeException> refusalOf(String path, byte[] body) {
        if (!BOOKINGS.equals(path)) {
            return Optional.empty();
        }
        return newBooking(body).flatMap(booking -> soldOut.answerFor(booking.gatheringId(), booking.tierId(), booking.quantity()))
                .map(refused -> SoireeException.answered(ErrorCode.SOLD_OUT, refused.message()));
    }

    private Optional<NewBooking> newBooking(byte[] body) {
        try {
            JsonNode request = JSON.readTree(body);
            JsonNode bookingId = request.path("bookingId");
            JsonNode quantity = request.path("quantity");
            if (!request.isObject() || !(bookingId.isMissingNode() || bookingId.isNull()) || !quantity.isInt()
                    || quantity.intValue() < 1 || quantity.intValue() > policy.maxSeatsPerBooking()) {
                return Optional.empty();
            }
            return Optional.of(new NewBooking(new GatheringId(uuid(request.path("gatheringId"))), new TierId(uuid(request.path("tierId"))),
                    quantity.intValue()));
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty(); // not a booking the controller would accept: it says why
        }
    }

    private static UUID uuid(JsonNode node) {
        if (!node.isString()) {
            throw new IllegalArgumentException("not a UUID");
        }
        return UUID.fromString(node.stringValue());
    }

    private record NewBooking(GatheringId gatheringId, TierId tierId, int quantity) {
    }
}
