package app.soiree.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.query.audit.AvailableLots.Lot;
import app.soiree.query.audit.AvailableLots.Taken;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvailableLotsTest {

    @Test
    void aPayoutTakesTheOldestEarningsFirstAndSpansLotsWhenOneIsNotEnough() {
        AvailableLots lots = new AvailableLots(List.of());
        lots.add("g1", 1000);
        lots.add("g2", 500);

        assertThat(lots.take(1200)).containsExactly(new Taken("g1", 1000), new Taken("g2", 200));
        assertThat(lots.lots()).containsExactly(new Lot("g2", 300));
    }

    @Test
    void moneyOfNoGatheringIsTakenButNamesNoEarnings() {
        AvailableLots lots = new AvailableLots(List.of(new Lot(null, 300), new Lot("g1", 700)));

        assertThat(lots.take(500)).containsExactly(new Taken("g1", 200));
        assertThat(lots.lots()).containsExactly(new Lot("g1", 500));
    }

    @Test
    void takingMoreThanThereIsLeavesADebtThatTheNextEarningsPayFirst() {
        AvailableLots lots = new AvailableLots(List.of(new Lot("g1", 100)));

        assertThat(lots.take(400)).containsExactly(new Taken("g1", 100));
        assertThat(lots.lots()).containsExactly(new Lot(null, -300));
        lots.take(50);
        assertThat(lots.lots()).containsExactly(new Lot(null, -350));

        lots.add("g2", 200);
        assertThat(lots.lots()).containsExactly(new Lot(null, -150));
        lots.add("g3", 400);
        assertThat(lots.lots()).containsExactly(new Lot("g3", 250));
    }
}
