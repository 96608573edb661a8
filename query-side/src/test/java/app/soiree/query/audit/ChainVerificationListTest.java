package app.soiree.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.audit.ChainVerificationPage;
import app.soiree.api.audit.ChainVerificationView;
import app.soiree.api.audit.FindChainVerifications;
import app.soiree.query.ProjectionTest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The latest verifications, as the console lists them over the query bus: newest first, what each found, bounded. */
class ChainVerificationListTest extends ProjectionTest {

    @Autowired
    QueryGateway queries;
    @Autowired
    ChainVerificationStore store;
    @Autowired
    Clock clock;

    @Test
    void listsTheLatestVerificationsNewestFirstWithWhatEachFound() {
        Instant now = clock.instant();
        UUID intact = UUID.randomUUID();
        store.insertRunning(intact, "finance-1", now.minusSeconds(120), 10);
        store.completeIntact(intact, now.minusSeconds(110), 11);
        UUID broken = UUID.randomUUID();
        store.insertRunning(broken, "finance-2", now.minusSeconds(60), 11);
        store.completeBroken(broken, now.minusSeconds(50), 4, "event-5", "the event as stored is not the event that was chained");
        UUID running = UUID.randomUUID();
        store.insertRunning(running, "finance-3", now, 12);

        assertThat(latest(10)).extracting(ChainVerificationView::verificationId).containsExactly(running, broken, intact);
        assertThat(latest(10).get(1)).satisfies(found -> {
            assertThat(found.intact()).isFalse();
            assertThat(found.firstBrokenEventId()).isEqualTo("event-5");
            assertThat(found.requestedBy()).isEqualTo("finance-2");
        });
        assertThat(latest(2)).extracting(ChainVerificationView::status)
                .containsExactly(ChainVerificationView.RUNNING, ChainVerificationView.COMPLETED);
        assertThat(latest(0)).as("a limit is brought into range, not refused").hasSize(1);
    }

    private List<ChainVerificationView> latest(int limit) {
        return queries.query(new FindChainVerifications(limit), ResponseTypes.instanceOf(ChainVerificationPage.class)).join().items();
    }
}
