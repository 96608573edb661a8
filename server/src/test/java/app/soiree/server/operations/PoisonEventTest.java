package app.soiree.server.operations;

import static app.soiree.server.support.Gatherings.gathering;
import static app.soiree.server.support.Gatherings.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringCreated;
import app.soiree.api.gathering.GatheringDetails;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.RefundPolicy;
import app.soiree.api.gathering.Tier;
import app.soiree.api.gathering.TierId;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserRegistered;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One event that a projection cannot store (PostgreSQL refuses a NUL byte in text) must not stall
 * that projection for everyone: it is parked, sequenced per aggregate, and every other aggregate's
 * events go on being applied. The events are published straight onto the bus, as a bug elsewhere or
 * an older client could have written them, whatever the API refuses today.
 */
@IntegrationTest
class PoisonEventTest {

    private static final Duration PROJECTED = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    EventBus eventBus;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void aUserProfileWithANulByteIsParkedAndLaterUsersStillSeeThemselves() {
        UUID poisoned = UUID.randomUUID();
        publish("User", poisoned, new UserRegistered(new UserId(poisoned), "nul." + poisoned + "@example.test", "Null\u0000Byte", null,
                Set.of(Role.GUEST), Instant.now()));

        Session ada = api.newUser("Ada");

        await().atMost(PROJECTED).until(() -> api.get("/api/me", ada.accessToken()).status() == 200);
        await().atMost(PROJECTED).until(() -> parked("user-profiles", poisoned) == 1);
        assertThat(causeOf("user-profiles", poisoned)).isNotBlank();
        notificationsStillFlow();
    }

    @Test
    void aGatheringWithANulByteInItsTitleIsParkedAndOthersStayDiscoverableAndBookable() {
        UUID poisoned = UUID.randomUUID();
        publish("Gathering", poisoned, gatheringCreated(poisoned, "Null\u0000Title"));

        Session host = api.newHost("Hosting Hanna");
        String gatheringId = Gatherings.publish(api, host, gathering("Untroubled", List.of(tier("Seat", 0, 5))));
        String tierId = Gatherings.firstTierId(api, gatheringId);
        await().atMost(PROJECTED).until(() -> api.get("/api/gatherings?hostId=" + host.userId(), null).json().get("items").size() == 1);

        Session guest = api.newUser("Guest");
        api.postOnce("/api/bookings", guest.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1))
                .expectStatus(201);
        await().atMost(PROJECTED).until(() -> api.get("/api/gatherings/" + gatheringId, null).json()
                .get("tiers").get(0).get("available").asInt() == 4);
        await().atMost(PROJECTED).until(() -> parked("gatherings", poisoned) == 1);
        await().atMost(PROJECTED).until(() -> inboxKinds(guest).contains("BOOKING_CONFIRMED"));
    }

    /**
     * Events that apply cleanly share their batch's transaction: no savepoint each, so the rows they write carry the
     * batch's transaction id (a savepoint that writes is a subtransaction with an id of its own). Published together,
     * the three are one batch, or two should some other event's batch close just before them.
     */
    @Test
    void eventsThatApplyCleanlyRunWithoutASavepointEach() {
        String marker = "clean-" + UUID.randomUUID();
        List<EventMessage<?>> registrations = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            registrations.add(registration(UUID.randomUUID(), marker + "-" + i + "@example.test", "Clean " + i));
        }
        transactionManager.executeInTransaction(() -> eventBus.publish(registrations));

        await().atMost(PROJECTED).until(() -> profiles(marker) == 3);
        assertThat(transactionIdsOfProfiles(marker)).isLessThan(3);
    }

    /**
     * A batch that fails runs again with a savepoint per event: the poisoned registration between two good ones, all
     * published together, is parked alone, and the good ones are projected, each in a subtransaction of its own.
     */
    @Test
    void aBatchWithAPoisonedEventRunsAgainWithASavepointPerEventAndParksOnlyThatEvent() {
        String marker = "batch-" + UUID.randomUUID();
        UUID poisoned = UUID.randomUUID();
        List<EventMessage<?>> registrations = List.of(
                registration(UUID.randomUUID(), marker + "-before@example.test", "Before"),
                registration(poisoned, marker + "-poisoned@example.test", "Null\u0000Byte"),
                registration(UUID.randomUUID(), marker + "-after@example.test", "After"));
        transactionManager.executeInTransaction(() -> eventBus.publish(registrations));

        await().atMost(PROJECTED).until(() -> parked("user-profiles", poisoned) == 1);
        await().atMost(PROJECTED).until(() -> profiles(marker) == 2);
        assertThat(transactionIdsOfProfiles(marker)).isEqualTo(2);

        eventsThatApplyCleanlyRunWithoutASavepointEach(); // and the segment is back to running plainly
    }

    private static EventMessage<?> registration(UUID userId, String email, String name) {
        return new GenericDomainEventMessage<>("User", userId.toString(), 0,
                new UserRegistered(new UserId(userId), email, name, null, Set.of(Role.GUEST), Instant.now()));
    }

    private int profiles(String marker) {
        Integer count = jdbc.queryForObject("select count(*) from user_profiles where email like ?", Integer.class, marker + "%");
        return count == null ? 0 : count;
    }

    private int transactionIdsOfProfiles(String marker) {
        Integer count = jdbc.queryForObject("select count(distinct xmin::text) from user_profiles where email like ?", Integer.class,
                marker + "%");
        return count == null ? 0 : count;
    }

    /**
     * The notification planner (command side, one processor for everyone, stopping on a failure) stores the names and
     * titles it reads too: it must get past the poisoned event, or nobody would hear of anything again.
     */
    private void notificationsStillFlow() {
        Session host = api.newHost("Notifying Nora");
        String gatheringId = Gatherings.publish(api, host, gathering("After the poison", List.of(tier("Seat", 0, 5))));
        Session guest = api.newUser("Guest");
        api.postOnce("/api/bookings", guest.accessToken(), Map.of("gatheringId", gatheringId, "tierId", Gatherings.firstTierId(api, gatheringId),
                "quantity", 1)).expectStatus(201);
        await().atMost(PROJECTED).until(() -> inboxKinds(guest).contains("BOOKING_CONFIRMED"));
    }

    private List<String> inboxKinds(Session user) {
        List<String> kinds = new ArrayList<>();
        api.get("/api/me/notifications", user.accessToken()).expectStatus(200).json().get("items")
                .forEach(item -> kinds.add(item.get("kind").asString()));
        return kinds;
    }

    private void publish(String aggregateType, UUID aggregateId, Object payload) {
        transactionManager.executeInTransaction(() -> eventBus.publish(
                new GenericDomainEventMessage<>(aggregateType, aggregateId.toString(), 0, payload)));
    }

    private int parked(String processingGroup, UUID aggregateId) {
        Integer count = jdbc.queryForObject("select count(*) from dead_letter_entry where processing_group = ? and sequence_identifier = ?",
                Integer.class, processingGroup, aggregateId.toString());
        return count == null ? 0 : count;
    }

    private String causeOf(String processingGroup, UUID aggregateId) {
        return jdbc.queryForObject("select cause_type || ': ' || cause_message from dead_letter_entry "
                + "where processing_group = ? and sequence_identifier = ?", String.class, processingGroup, aggregateId.toString());
    }

    static GatheringCreated gatheringCreated(UUID gatheringId, String title) {
        Instant startsAt = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        GatheringDetails details = new GatheringDetails(title, "poisoned", startsAt, startsAt.plus(Duration.ofHours(2)), "Europe/Lisbon",
                null, true, List.of(), new RefundPolicy(48));
        return new GatheringCreated(new GatheringId(gatheringId), new UserId(UUID.randomUUID()), details,
                List.of(new Tier(new TierId(UUID.randomUUID()), "Seat", Money.of(0, "EUR"), 10)), Instant.now());
    }
}
