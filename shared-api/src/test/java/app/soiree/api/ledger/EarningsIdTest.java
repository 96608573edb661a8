package app.soiree.api.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.gathering.GatheringId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EarningsIdTest {

    private static final GatheringId GATHERING = new GatheringId(UUID.fromString("00000000-0000-0000-0000-000000000001"));

    @Test
    void followsFromTheGatheringWithoutSharingItsId() {
        EarningsId earnings = EarningsId.forGathering(GATHERING);

        assertThat(earnings).isEqualTo(EarningsId.forGathering(new GatheringId(GATHERING.value())));
        assertThat(earnings.value()).isNotEqualTo(GATHERING.value());
        assertThat(earnings.toString()).isEqualTo(earnings.value().toString());
    }
}
