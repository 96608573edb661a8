package app.soiree.server.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserRegistered;
import app.soiree.api.operations.DropParkedEvent;
import app.soiree.api.operations.FindParkedEvents;
import app.soiree.api.operations.ParkedEventPage;
import app.soiree.api.operations.ParkedEventView;
import app.soiree.api.operations.ParkedRetrySummary;
import app.soiree.api.operations.RetryParkedEvents;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After a fix, staff retry a parked sequence: a retry that fails again leaves it parked with the new
 * error and one more retry counted; once the cause is gone, the retry applies the failed event and
 * the events of the same aggregate that waited behind it, in order, and nothing stays parked. The
 * "bug" here is a database trigger that refuses one display name, which the test then removes.
 */
@IntegrationTest
class ParkedEventRetryTest {

    private static final Duration PROJECTED = Duration.ofSeconds(20);
    private static final String GROUP = "user-profiles";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    EventBus eventBus;
    @Autowired
    TransactionManager transactionManager;
    Api api;
    String refusedName;

    @BeforeEach
    void aDatabaseThatRefusesOneName() {
        api = new Api(port);
        refusedName = "Refused " + UUID.randomUUID().toString().substring(0, 8);
        jdbc.execute("create or replace function refuse_test_name() returns trigger language plpgsql as $$ begin "
                + "if new.display_name like 'Refused %' then raise exception 'display name refused by the test: %', new.display_name; end if; "
                + "return new; end $$");
        jdbc.execute("drop trigger if exists refuse_test_name on user_profiles");
        jdbc.execute("create trigger refuse_test_name before insert or update on user_profiles for each row execute function refuse_test_name()");
    }

    @AfterEach
    void theFix() {
        jdbc.execute("drop trigger if exists refuse_test_name on user_profiles");
    }

    @Test
    void aRetryFailsWhileTheCauseLastsAndAppliesTheWholeSequenceOnceItIsFixed() {
        Session refused = api.newUser(refusedName);
        await().atMost(PROJECTED).until(() -> parked(refused.userId()).size() == 1);
        api.post("/api/me/host-profile", refused.accessToken(), Map.of("bio", "Queued behind")).expectStatus(200);
        await().atMost(PROJECTED).until(() -> parked(refused.userId()).size() == 2);

        ParkedEventView head = parked(refused.userId()).getFirst();
        assertThat(head.processingGroup()).isEqualTo(GROUP);
        assertThat(head.eventType()).isEqualTo(UserRegistered.class.getName());
        assertThat(head.isHead()).isTrue();
        assertThat(head.errorMessage()).contains("display name refused by the test");
        assertThat(head.retries()).isZero();
        assertThat(parked(refused.userId()).get(1).errorType()).as("waits behind the failed one").isNull();
        Session later = api.newUser("Later");
        await().atMost(PROJECTED).until(() -> api.get("/api/me", later.accessToken()).status() == 200);

        ParkedRetrySummary stillBroken = commands.sendAndWait(new RetryParkedEvents(GROUP, refused.userId(), "test"));
        assertThat(stillBroken.cleared()).isFalse();
        assertThat(stillBroken.stillParked()).isEqualTo(2);
        assertThat(stillBroken.error()).contains("display name refused by the test");
        assertThat(parked(refused.userId()).getFirst().retries()).isEqualTo(1);
        assertThat(api.get("/api/me", refused.accessToken()).status()).isEqualTo(404);

        theFix();
        ParkedRetrySummary fixed = commands.sendAndWait(new RetryParkedEvents(GROUP, refused.userId(), "test"));

        assertThat(fixed.cleared()).isTrue();
        assertThat(parked(refused.userId())).isEmpty();
        Api.Response me = api.get("/api/me", refused.accessToken());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("displayName").asString()).isEqualTo(refusedName);
        assertThat(me.json().get("roles").toString()).contains("HOST");
    }

    @Test
    void staffDropAParkedEventWithAReasonAndTheProjectionNeverAppliesIt() {
        UUID poisoned = UUID.randomUUID();
        transactionManager.executeInTransaction(() -> eventBus.publish(new GenericDomainEventMessage<>("User", poisoned.toString(), 0,
                new UserRegistered(new UserId(poisoned), "drop." + poisoned + "@example.test", "Null\u0000Drop", null, Set.of(Role.GUEST),
                        Instant.now()))));
        await().atMost(PROJECTED).until(() -> parked(poisoned.toString()).size() == 1);
        ParkedEventView parked = parked(poisoned.toString()).getFirst();

        commands.sendAndWait(new DropParkedEvent(parked.parkedEventId(), GROUP, poisoned.toString(), "Written by a bug, never a real user", "test"));

        assertThat(parked(poisoned.toString())).isEmpty();
    }

    /** Every page, as staff would page through them, filtered to one aggregate. */
    private List<ParkedEventView> parked(String aggregateId) {
        List<ParkedEventView> found = new ArrayList<>();
        String cursor = null;
        do {
            ParkedEventPage page = queries.query(new FindParkedEvents(GROUP, cursor, 100), ResponseTypes.instanceOf(ParkedEventPage.class)).join();
            page.items().stream().filter(event -> event.sequence().equals(aggregateId)).forEach(found::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        return found;
    }
}
