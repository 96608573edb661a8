package app.soiree.command.booking;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringEnded;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.HoldExpired;
import app.soiree.api.gathering.SoldOut;
import app.soiree.api.gathering.TierId;
import app.soiree.api.identity.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SoldOutTiersTest {

    private static final GatheringId GATHERING = new GatheringId(UUID.randomUUID());
    private static final TierId TIER = new TierId(UUID.randomUUID());
    private static final TierId OTHER_TIER = new TierId(UUID.randomUUID());

    private final SoldOutTiers tiers = new SoldOutTiers(Duration.ofMinutes(1));

    @Test
    void aTierFoundSoldOutRefusesWhatItCannotSeatAndNothingElse() {
        tiers.remember(GATHERING, TIER, new SoldOut(1), tiers.moment());

        assertThat(tiers.answerFor(GATHERING, TIER, 2)).contains(new SoldOut(1));
        assertThat(tiers.answerFor(GATHERING, TIER, 1)).isEmpty();
        assertThat(tiers.answerFor(GATHERING, OTHER_TIER, 2)).isEmpty();
    }

    @Test
    void seatsGivenBackForgetTheGathering() {
        tiers.remember(GATHERING, TIER, new SoldOut(0), tiers.moment());

        tiers.on(new HoldExpired(GATHERING, new BookingId(UUID.randomUUID()), TIER, new UserId(UUID.randomUUID()), 1, Instant.now()));

        assertThat(tiers.answerFor(GATHERING, TIER, 1)).isEmpty();
    }

    @Test
    void aRefusalTakenWhileSeatsCameBackIsNotKept() {
        long askedAt = tiers.moment();
        tiers.on(new GatheringEnded(new GatheringId(UUID.randomUUID()), new UserId(UUID.randomUUID()), Instant.now()));

        tiers.remember(GATHERING, TIER, new SoldOut(0), askedAt);

        assertThat(tiers.answerFor(GATHERING, TIER, 1)).isEmpty();
    }

    @Test
    void aMarkIsForgottenAfterItsMemory() throws InterruptedException {
        SoldOutTiers brief = new SoldOutTiers(Duration.ofMillis(50));
        brief.remember(GATHERING, TIER, new SoldOut(0), brief.moment());
        Thread.sleep(120);

        assertThat(brief.answerFor(GATHERING, TIER, 1)).isEmpty();
    }
}
