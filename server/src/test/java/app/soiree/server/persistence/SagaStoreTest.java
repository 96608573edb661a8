package app.soiree.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sagas through JDBC on Axon's tables: a booking's payment saga is stored with its associations, and ends with its booking;
 * a saga is inserted, loaded and deleted with its associations, each in one statement, and updated by Axon's own.
 */
@IntegrationTest
class SagaStoreTest {

    @LocalServerPort
    int port;
    @Autowired
    SagaStore<Object> sagaStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    /** A saga's state, as the serializer stores it. */
    record Tracked(String step) {
    }

    @Test
    void aSagaIsInsertedLoadedUpdatedAndDeletedWithItsAssociations() {
        String sagaId = UUID.randomUUID().toString();
        AssociationValue order = new AssociationValue("orderId", "order-" + sagaId);
        AssociationValue guest = new AssociationValue("guestId", "guest-" + sagaId);
        transactions.executeWithoutResult(status -> sagaStore.insertSaga(Tracked.class, sagaId, new Tracked("started"), Set.of(order, guest)));

        assertThat(sagaStore.findSagas(Tracked.class, order)).containsExactly(sagaId);
        assertThat(sagaStore.findSagas(Tracked.class, guest)).containsExactly(sagaId);
        SagaStore.Entry<Tracked> started = sagaStore.loadSaga(Tracked.class, sagaId);
        assertThat(started.saga()).isEqualTo(new Tracked("started"));
        assertThat(started.associationValues()).containsExactlyInAnyOrder(order, guest);

        AssociationValue payment = new AssociationValue("paymentId", "payment-" + sagaId);
        AssociationValuesImpl changed = new AssociationValuesImpl(Set.of(order, guest));
        changed.add(payment);
        changed.remove(guest);
        transactions.executeWithoutResult(status -> sagaStore.updateSaga(Tracked.class, sagaId, new Tracked("paid"), changed));
        SagaStore.Entry<Tracked> paid = sagaStore.loadSaga(Tracked.class, sagaId);
        assertThat(paid.saga()).isEqualTo(new Tracked("paid"));
        assertThat(paid.associationValues()).containsExactlyInAnyOrder(order, payment);
        assertThat(sagaStore.findSagas(Tracked.class, guest)).isEmpty();

        transactions.executeWithoutResult(status -> sagaStore.deleteSaga(Tracked.class, sagaId, paid.associationValues()));
        assertThat(sagaStore.loadSaga(Tracked.class, sagaId)).isNull();
        assertThat(sagaStore.findSagas(Tracked.class, order)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from association_value_entry where saga_id = ?", Integer.class, sagaId)).isZero();
    }

    @Test
    void aSagaWithoutAssociationsIsStoredAndLoadedWithNone() {
        String sagaId = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> sagaStore.insertSaga(Tracked.class, sagaId, new Tracked("alone"), Set.of()));

        SagaStore.Entry<Tracked> alone = sagaStore.loadSaga(Tracked.class, sagaId);
        assertThat(alone.saga()).isEqualTo(new Tracked("alone"));
        assertThat(alone.associationValues()).isEmpty();
        assertThat(sagaStore.loadSaga(Tracked.class, UUID.randomUUID().toString())).as("a saga never stored").isNull();
    }

    @Test
    void aBookingsPaymentSagaIsStoredWithItsAssociationsAndEndsWithItsBooking() {
        assertThat(sagaStore).isInstanceOf(JdbcSagaStore.class);
        Api api = new Api(port);
        Session host = api.newHost("Saga Host");
        Session guest = api.newUser("Saga Guest");
        String gatheringId = Gatherings.publish(api, host, Gatherings.gathering("Saga Dinner", List.of(Gatherings.tier("Seat", 2500, 2))));
        String bookingId = UUID.randomUUID().toString();
        String paymentId = api.postOnce("/api/bookings", guest.accessToken(), Map.of("bookingId", bookingId, "gatheringId", gatheringId,
                "tierId", Gatherings.firstTierId(api, gatheringId), "quantity", 1)).expectStatus(201).json()
                .get("payment").get("paymentId").asString();

        // Held: one saga follows the booking, found by it, its id handed out by the table (no id from the store).
        String sagaId = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList("""
                select saga_id from association_value_entry where association_key = 'bookingId' and association_value = ?""",
                String.class, bookingId), ids -> ids.size() == 1).getFirst();
        assertThat(jdbc.queryForObject("select count(*) from saga_entry where saga_id = ? and serialized_saga is not null",
                Integer.class, sagaId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from association_value_entry where saga_id = ? and id is not null",
                Integer.class, sagaId)).isGreaterThanOrEqualTo(1);

        // Paid and confirmed: the saga has done its work and is gone, associations and all.
        api.post("/api/dev/payments/" + paymentId + "/outcome", guest.accessToken(), Map.of("outcome", "succeeded")).expectStatus(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from saga_entry where saga_id = ?", Integer.class, sagaId) == 0);
        assertThat(jdbc.queryForObject("select count(*) from association_value_entry where saga_id = ?", Integer.class, sagaId)).isZero();
        assertThat(api.get("/api/bookings/" + bookingId, guest.accessToken()).expectStatus(200).json().get("status").asString())
                .isEqualTo("CONFIRMED");
    }
}
