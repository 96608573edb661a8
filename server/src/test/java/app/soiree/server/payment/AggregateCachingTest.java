package app.soiree.server.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.payment.PaymentId;
import app.soiree.command.SnapshotFreeRepository;
import app.soiree.command.notification.Notification;
import app.soiree.command.payment.Payment;
import app.soiree.server.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A paid booking's payment and its guest's notifications stay in memory between their commands (a capture, a delivery's
 * outcome), instead of being replayed from the store for each; and a cache miss reads no snapshot, which neither takes.
 */
@IntegrationTest
class AggregateCachingTest extends PaymentFixture {

    @Autowired
    @Qualifier("paymentCache")
    Cache paymentCache;
    @Autowired
    @Qualifier("notificationCache")
    Cache notificationCache;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Configuration axon;

    @Test
    void aCapturedPaymentAndADeliveredNotificationAreKeptBetweenTheirCommands() {
        String paymentId = book(guest, 1).paymentId();
        api.post("/api/dev/payments/" + paymentId + "/outcome", guest.accessToken(), Map.of("outcome", "succeeded")).expectStatus(202);
        awaitCaptured(paymentId);

        assertThat(paymentCache.containsKey(PaymentId.of(paymentId).toString())).isTrue();

        // The booking's confirmation to its guest: planned by one command, its in-app delivery recorded by another.
        List<String> delivered = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList("""
                select aggregate_identifier from domain_event_entry
                where type = 'Notification' and payload_type like '%DeliverySent' and global_index > ?""",
                String.class, capturedAt(paymentId)), ids -> !ids.isEmpty());
        assertThat(delivered).anySatisfy(notification -> assertThat(notificationCache.containsKey(notification)).isTrue());
    }

    @Test
    void paymentsAndNotificationsAreLoadedWithoutASnapshotRead() {
        // Neither takes a snapshot, and both are created by loading first (CREATE_IF_MISSING): see SnapshotFreeRepositoryTest.
        assertThat(axon.repository(Payment.class)).isInstanceOf(SnapshotFreeRepository.class);
        assertThat(axon.repository(Notification.class)).isInstanceOf(SnapshotFreeRepository.class);
    }

    private long capturedAt(String paymentId) {
        return jdbc.queryForObject("""
                select global_index from domain_event_entry where aggregate_identifier = ? and payload_type like '%PaymentCaptured'""",
                Long.class, PaymentId.of(paymentId).toString());
    }
}
