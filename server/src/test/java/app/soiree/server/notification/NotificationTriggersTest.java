package app.soiree.server.notification;

import static app.soiree.server.support.Gatherings.gathering;
import static app.soiree.server.support.Gatherings.tier;
import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.SeatsConfirmed;
import app.soiree.api.gathering.TierId;
import app.soiree.api.identity.UserId;
import app.soiree.api.notification.DeliveryDue;
import app.soiree.api.notification.FindSkippedNotificationEvents;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationId;
import app.soiree.api.notification.NotificationKind;
import app.soiree.api.notification.SkippedNotificationEvents;
import app.soiree.server.support.Api;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.Staff;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Events of the platform reach the right people, in-app and by email, once each, as their preferences say. */
@IntegrationTest
class NotificationTriggersTest {

    @LocalServerPort
    int port;
    @Autowired
    EventGateway events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    QueryGateway queries;
    Api api;
    Session host;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        host = api.newHost("Hana");
    }

    @Test
    void aConfirmedBookingTellsTheGuestAndTheHostOnceEvenWhenItsEventComesAgain() {
        Session gus = api.newUser("Gus");
        String gatheringId = Gatherings.publish(api, host, gathering("Tapas night", List.of(tier("Free", 0, 10))));
        String tierId = Gatherings.firstTierId(api, gatheringId);
        String bookingId = book(gus, gatheringId, tierId);

        JsonNode confirmed = awaitNotification(gus, "BOOKING_CONFIRMED");
        assertThat(confirmed.get("category").asString()).isEqualTo("TRANSACTIONAL");
        assertThat(confirmed.get("title").asString()).isEqualTo("You're going to Tapas night");
        assertThat(confirmed.get("data").get("bookingId").asString()).isEqualTo(bookingId);
        JsonNode newBooking = awaitNotification(host, "NEW_BOOKING");
        assertThat(newBooking.get("body").asString()).contains("Gus booked 1 seat(s)");
        awaitEmail(gus.email(), "You're going to Tapas night");

        // the same event once more (a processor redelivering it): the same notification, not a second one
        events.publish(new SeatsConfirmed(GatheringId.of(gatheringId), BookingId.of(bookingId), TierId.of(tierId), UserId.of(gus.userId()),
                1, Money.of(0, "EUR"), Instant.now()));
        Session later = api.newUser("Lea");
        book(later, gatheringId, tierId);
        awaitNotification(later, "BOOKING_CONFIRMED"); // planned after the copy: the copy was handled by then
        assertThat(kinds(gus)).containsOnlyOnce("BOOKING_CONFIRMED");
        assertThat(emails(gus.email(), "You're going to Tapas night")).hasSize(1);
    }

    @Test
    void anEventThatFailsEveryTimeIsWrittenDownAndSkippedAndDeliveriesGoOn() {
        // A delivery of a notification that was never planned: its outcome has nowhere to go, on every try.
        Session nobody = api.newUser("Nia");
        DeliveryDue poison = new DeliveryDue(new NotificationId(UUID.randomUUID()), UserId.of(nobody.userId()), NotificationKind.BOOKING_CONFIRMED,
                NotificationChannel.EMAIL, 1, null, Instant.now());
        events.publish(poison);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> skipped(poison.getClass().getName()) == 1);
        Map<String, Object> written = jdbc.queryForMap(
                "select processing_group, failures, error from notification_skipped_events where event_type = ?", poison.getClass().getName());
        assertThat(written.get("processing_group")).isEqualTo("notification-delivery");
        assertThat((Integer) written.get("failures")).isEqualTo(3); // soiree.notifications.failures-before-skipping in tests
        assertThat((String) written.get("error")).isNotBlank();
        // Support sees it in the console's list, as staff ask for it.
        SkippedNotificationEvents listed = queries.query(new FindSkippedNotificationEvents(FindSkippedNotificationEvents.MAX_LIMIT),
                ResponseTypes.instanceOf(SkippedNotificationEvents.class)).join();
        assertThat(listed.items()).filteredOn(item -> item.eventType().equals(poison.getClass().getName())).singleElement()
                .satisfies(item -> {
                    assertThat(item.processingGroup()).isEqualTo("notification-delivery");
                    assertThat(item.failures()).isEqualTo(3);
                    assertThat(item.error()).isEqualTo(written.get("error"));
                });
        assertThat(listed.total()).isGreaterThanOrEqualTo(1);

        // Deliveries after it go on.
        Session gus = api.newUser("Gil");
        String gatheringId = Gatherings.publish(api, host, gathering("After the poison", List.of(tier("Free", 0, 10))));
        book(gus, gatheringId, Gatherings.firstTierId(api, gatheringId));
        awaitEmail(gus.email(), "You're going to After the poison");
    }

    @Test
    void aHostHearsOfAGatheringsFirstBookingAtOnceAndOfThoseThatFollowTogether() {
        Session hedda = api.newHost("Hedda");
        String gatheringId = Gatherings.publish(api, hedda, gathering("Wine tasting", List.of(tier("Free", 0, 10))));
        String tierId = Gatherings.firstTierId(api, gatheringId);
        Session amy = api.newUser("Amy");
        String first = book(amy, gatheringId, tierId);
        JsonNode told = awaitNotification(hedda, "NEW_BOOKING");
        assertThat(told.get("body").asString()).isEqualTo("Amy booked 1 seat(s).");
        assertThat(told.get("data").get("bookingId").asString()).isEqualTo(first);

        book(api.newUser("Bo"), gatheringId, tierId);
        api.postOnce("/api/bookings", api.newUser("Cal").accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 3))
                .expectStatus(201);
        Session eve = api.newUser("Eve");
        String cancelled = book(eve, gatheringId, tierId);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> untoldBookings(gatheringId) == 3);
        api.postOnce("/api/bookings/" + cancelled + "/cancel", eve.accessToken(), null).expectStatus(200);
        // Eve cancelled within the window: her seat is free again, and not news for the host any more
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> untoldBookings(gatheringId) == 2);
        assertThat(kinds(hedda)).as("nothing more until the window ends").containsOnlyOnce("NEW_BOOKING");

        endNewBookingsWindow(gatheringId); // the window (an hour in tests) ends: the two are told together
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> kinds(hedda).size() == 2);
        JsonNode together = notifications(hedda).getFirst();
        assertThat(together.get("title").asString()).isEqualTo("2 new bookings for Wine tasting");
        assertThat(together.get("body").asString()).isEqualTo("4 seats in all; the latest booked by Cal.");
        assertThat(together.get("data").get("count").asString()).isEqualTo("2");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> untoldBookings(gatheringId) == 0 && windowOpen(gatheringId));

        endNewBookingsWindow(gatheringId); // nothing came in the next one: it closes, and the next booking is told at once
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !windowOpen(gatheringId));
        book(api.newUser("Dee"), gatheringId, tierId);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> kinds(hedda).size() == 3);
        assertThat(notifications(hedda).getFirst().get("body").asString()).isEqualTo("Dee booked 1 seat(s).");
    }

    @Test
    void aCancelledGatheringReachesItsGuestsByEmailEvenWithEmailSwitchedOff() {
        Session ida = api.newUser("Ida");
        api.put("/api/me/notification-preferences", ida.accessToken(), Map.of("timezone", "Europe/Lisbon",
                "channels", Map.of("EMAIL", false, "SMS", true, "WHATSAPP", true), "categories", Map.of())).expectStatus(200);
        String gatheringId = Gatherings.publish(api, host, gathering("Fado evening", List.of(tier("Free", 0, 10))));
        String tierId = Gatherings.firstTierId(api, gatheringId);
        book(ida, gatheringId, tierId);
        awaitNotification(ida, "BOOKING_CONFIRMED");

        api.post("/api/gatherings/" + gatheringId + "/cancel", host.accessToken(), Map.of("reason", "The singer is ill")).expectStatus(200);

        JsonNode cancelled = awaitNotification(ida, "GATHERING_CANCELLED");
        assertThat(cancelled.get("body").asString()).contains("The singer is ill");
        awaitEmail(ida.email(), "Fado evening is cancelled");
        assertThat(emails(ida.email(), "You're going to Fado evening")).as("not critical: email stays off").isEmpty();
    }

    @Test
    void onlyItsRecipientMarksANotificationRead() {
        Session max = api.newUser("Max");
        String gatheringId = Gatherings.publish(api, host, gathering("Board games", List.of(tier("Free", 0, 10))));
        book(max, gatheringId, Gatherings.firstTierId(api, gatheringId));
        String id = awaitNotification(max, "BOOKING_CONFIRMED").get("notificationId").asString();
        assertThat(api.get("/api/me/notifications/unread-count", max.accessToken()).expectStatus(200).json().get("count").asInt()).isEqualTo(1);

        api.post("/api/me/notifications/" + id + "/read", host.accessToken(), null).expectStatus(404);
        api.post("/api/me/notifications/" + UUID.randomUUID() + "/read", max.accessToken(), null).expectStatus(404);
        api.post("/api/me/notifications/" + id + "/read", max.accessToken(), null).expectStatus(204);
        api.post("/api/me/notifications/" + id + "/read", max.accessToken(), null).expectStatus(204);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/me/notifications/unread-count", max.accessToken()).json().get("count").asInt() == 0);
    }

    @Test
    void aReaderAwayIsToldOnceOfMessagesWaitingAndOneWhoReadIsNot() {
        Session ana = api.newUser("Ana");
        Session ben = api.newUser("Ben");
        Session cy = api.newUser("Cy");
        String toBen = api.post("/api/conversations/direct", ana.accessToken(), Map.of("userId", ben.userId())).expectStatus(201)
                .json().get("conversationId").asString();
        String toCy = api.post("/api/conversations/direct", ana.accessToken(), Map.of("userId", cy.userId())).expectStatus(201)
                .json().get("conversationId").asString();
        for (String text : List.of("Dinner tonight?", "At eight", "Bring wine")) {
            api.postOnce("/api/conversations/" + toBen + "/messages", ana.accessToken(), Map.of("type", "TEXT", "text", text)).expectStatus(201);
        }
        long seq = api.postOnce("/api/conversations/" + toCy + "/messages", ana.accessToken(), Map.of("type", "TEXT", "text", "Hi Cy"))
                .expectStatus(201).json().get("seq").asLong();
        // Cy reads what Cy has seen: a marker never passes the last seq the read model knows
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/conversations/" + toCy + "/messages", cy.accessToken())
                .expectStatus(200).json().get("items").size() == 1);
        api.post("/api/conversations/" + toCy + "/read", cy.accessToken(), Map.of("seq", seq)).expectStatus(204);

        JsonNode digest = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> find(ben, "CHAT_UNREAD"), found -> found != null);
        assertThat(digest.get("title").asString()).isEqualTo("3 new message(s) in Ana");
        assertThat(digest.get("body").asString()).isEqualTo("The latest from Ana.").doesNotContain("wine");
        assertThat(digest.get("data").get("conversationId").asString()).isEqualTo(toBen);

        // one more message while Ben is still away: the same digest stands, no second one
        api.postOnce("/api/conversations/" + toBen + "/messages", ana.accessToken(), Map.of("type", "TEXT", "text", "And cheese")).expectStatus(201);
        Session dee = api.newUser("Dee");
        String toDee = api.post("/api/conversations/direct", ana.accessToken(), Map.of("userId", dee.userId())).expectStatus(201)
                .json().get("conversationId").asString();
        api.postOnce("/api/conversations/" + toDee + "/messages", ana.accessToken(), Map.of("type", "TEXT", "text", "Hi Dee")).expectStatus(201);
        awaitNotification(dee, "CHAT_UNREAD"); // the later message's check ran by then
        assertThat(kinds(ben)).containsOnlyOnce("CHAT_UNREAD");
        assertThat(kinds(cy)).doesNotContain("CHAT_UNREAD");
        assertThat(kinds(ana)).doesNotContain("CHAT_UNREAD");
    }

    @Test
    void paidBookingsTellOfADeclinedPaymentAnExpiryWarningOnlyWhenUnpaidAndARefund() {
        String gatheringId = Gatherings.publish(api, host, gathering("Jazz brunch", List.of(tier("Seat", 2500, 10))));
        String tierId = Gatherings.firstTierId(api, gatheringId);

        Session declined = api.newUser("Dee Clined");
        JsonNode refused = bookPaid(declined, gatheringId, tierId);
        api.post("/api/dev/payments/" + refused.get("payment").get("paymentId").asString() + "/outcome", declined.accessToken(),
                Map.of("outcome", "failed")).expectStatus(202);
        JsonNode failed = awaitNotification(declined, "PAYMENT_FAILED");
        assertThat(failed.get("category").asString()).isEqualTo("TRANSACTIONAL");
        assertThat(failed.get("body").asString()).contains("seats were released");
        awaitEmail(declined.email(), "Your payment for Jazz brunch did not go through");

        Session paying = api.newUser("Pat Paid");
        JsonNode held = bookPaid(paying, gatheringId, tierId);
        String bookingId = held.get("bookingId").asString();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> warningsWaiting(bookingId) == 1);
        assertThat(staffView(paying, "HOLD_EXPIRING")).as("nothing planned before the warning falls due").isNull();
        api.post("/api/dev/payments/" + held.get("payment").get("paymentId").asString() + "/outcome", paying.accessToken(),
                Map.of("outcome", "succeeded")).expectStatus(202);
        awaitNotification(paying, "BOOKING_CONFIRMED");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> warningsWaiting(bookingId) == 0);

        Session slow = api.newUser("Sal Slow");
        String slowBooking = bookPaid(slow, gatheringId, tierId).get("bookingId").asString();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> warningsWaiting(slowBooking) == 1);
        // the hold's warning falls due (the poll runs every second in tests): it is planned and goes out at once
        jdbc.update("update notification_bookings set warn_at = now() - interval '1 second' where booking_id = ?::uuid", slowBooking);
        JsonNode warning = awaitNotification(slow, "HOLD_EXPIRING");
        assertThat(warning.get("title").asString()).contains("Jazz brunch");
        assertThat(warning.get("data").get("bookingId").asString()).isEqualTo(slowBooking);
        assertThat(warningsWaiting(slowBooking)).isZero();
        assertThat(staffView(paying, "HOLD_EXPIRING")).as("the paid hold was never warned").isNull();
        assertThat(kinds(slow)).containsOnlyOnce("HOLD_EXPIRING");

        api.postOnce("/api/bookings/" + bookingId + "/cancel", paying.accessToken(), null).expectStatus(200);
        JsonNode refund = awaitNotification(paying, "REFUND_ISSUED");
        assertThat(refund.get("body").asString()).startsWith("25.00 EUR is being returned");
    }

    @Test
    void guestsHearOfANewVenueAndHostAndSupportOfADispute() {
        String gatheringId = Gatherings.publish(api, host, gathering("Cellar tasting", List.of(tier("Seat", 2500, 10))));
        String tierId = Gatherings.firstTierId(api, gatheringId);
        Session guest = api.newUser("Vic Venue");
        JsonNode booking = bookPaid(guest, gatheringId, tierId);
        String paymentId = booking.get("payment").get("paymentId").asString();
        api.post("/api/dev/payments/" + paymentId + "/outcome", guest.accessToken(), Map.of("outcome", "succeeded")).expectStatus(202);
        awaitNotification(guest, "BOOKING_CONFIRMED");

        api.patch("/api/gatherings/" + gatheringId, host.accessToken(), Map.of("venue", Map.of("name", "Adega", "address", "Rua Nova 9, Lisboa")))
                .expectStatus(200);
        JsonNode moved = awaitNotification(guest, "GATHERING_CHANGED");
        assertThat(moved.get("body").asString()).contains("Adega, Rua Nova 9, Lisboa");

        Session support = Staff.of(api, port).support();
        api.post("/api/dev/payments/" + paymentId + "/outcome", support.accessToken(),
                Map.of("outcome", "disputed", "amount", 2500, "reason", "fraudulent")).expectStatus(202);
        JsonNode opened = awaitNotification(host, "DISPUTE_OPENED");
        assertThat(opened.get("category").asString()).isEqualTo("HOSTING");
        assertThat(opened.get("title").asString()).isEqualTo("A payment for Cellar tasting is disputed");
        String disputeId = opened.get("data").get("disputeId").asString();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> notifications(support).stream()
                .anyMatch(item -> item.get("kind").asString().equals("DISPUTE_OPENED")
                        && item.get("data").get("disputeId").asString().equals(disputeId)));
        JsonNode dueSoon = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> staffView(host, "DISPUTE_EVIDENCE_DUE"),
                found -> found != null);
        assertThat(dueSoon.get("deliverAt").isNull()).isFalse();
        assertThat(dueSoon.get("visibleAt").isNull()).as("planned for shortly before the evidence is due").isTrue();
        assertThat(withdrawalsPlannedFor("dispute:" + disputeId)).as("the host's warning and each support agent's (other tests add agents)")
                .isGreaterThanOrEqualTo(2);

        // The dispute closes before the evidence is due: the warning is withdrawn, and the cause forgotten.
        api.post("/api/dev/payments/" + paymentId + "/outcome", support.accessToken(), Map.of("outcome", "dispute_won")).expectStatus(202);
        JsonNode withdrawn = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> staffView(host, "DISPUTE_EVIDENCE_DUE"),
                found -> found != null && found.get("withdrawn").asBoolean());
        assertThat(withdrawn.get("withdrawnReason").asString()).isEqualTo("The dispute is closed");
        assertThat(withdrawn.get("visibleAt").isNull()).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> staffView(support, "DISPUTE_EVIDENCE_DUE"),
                found -> found != null && found.get("withdrawn").asBoolean());
        assertThat(withdrawalsPlannedFor("dispute:" + disputeId)).isZero();
    }

    private int withdrawalsPlannedFor(String cause) {
        Integer count = jdbc.queryForObject("select count(*) from notification_withdrawals where cause = ?", Integer.class, cause);
        return count == null ? 0 : count;
    }

    private List<JsonNode> notifications(Session user) {
        List<JsonNode> items = new ArrayList<>();
        api.get("/api/me/notifications?limit=100", user.accessToken()).expectStatus(200).json().get("items").forEach(items::add);
        return items;
    }

    private JsonNode bookPaid(Session guest, String gatheringId, String tierId) {
        return api.postOnce("/api/bookings", guest.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1))
                .expectStatus(201).json();
    }

    private int untoldBookings(String gatheringId) {
        Integer count = jdbc.queryForObject("select count(*) from notification_new_bookings where gathering_id = ?::uuid and not told",
                Integer.class, gatheringId);
        return count == null ? 0 : count;
    }

    private boolean windowOpen(String gatheringId) {
        return !jdbc.queryForList("select 1 from notification_new_booking_windows where gathering_id = ?::uuid", gatheringId).isEmpty();
    }

    private int skipped(String eventType) {
        Integer count = jdbc.queryForObject("select count(*) from notification_skipped_events where event_type = ?", Integer.class, eventType);
        return count == null ? 0 : count;
    }

    private void endNewBookingsWindow(String gatheringId) {
        jdbc.update("update notification_new_booking_windows set ends_at = now() - interval '1 second' where gathering_id = ?::uuid", gatheringId);
    }

    private int warningsWaiting(String bookingId) {
        Integer count = jdbc.queryForObject("select count(*) from notification_bookings where booking_id = ?::uuid and warn_at is not null", Integer.class, bookingId);
        return count == null ? 0 : count;
    }

    private JsonNode staffView(Session user, String kind) {
        Session support = Staff.of(api, port).support();
        for (JsonNode item : api.get("/api/staff/notifications?userId=" + user.userId(), support.accessToken()).expectStatus(200)
                .json().get("items")) {
            if (item.get("kind").asString().equals(kind)) {
                return item;
            }
        }
        return null;
    }

    private String book(Session guest, String gatheringId, String tierId) {
        return api.postOnce("/api/bookings", guest.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1))
                .expectStatus(201).json().get("bookingId").asString();
    }

    private JsonNode awaitNotification(Session user, String kind) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> find(user, kind), found -> found != null);
    }

    private JsonNode find(Session user, String kind) {
        for (JsonNode item : api.get("/api/me/notifications", user.accessToken()).expectStatus(200).json().get("items")) {
            if (item.get("kind").asString().equals(kind)) {
                return item;
            }
        }
        return null;
    }

    private List<String> kinds(Session user) {
        List<String> kinds = new ArrayList<>();
        api.get("/api/me/notifications", user.accessToken()).json().get("items").forEach(item -> kinds.add(item.get("kind").asString()));
        return kinds;
    }

    private void awaitEmail(String to, String subject) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> emails(to, subject).size() == 1);
    }

    private List<JsonNode> emails(String to, String subject) {
        Session support = Staff.of(api, port).support();
        List<JsonNode> found = new ArrayList<>();
        api.get("/api/dev/outbox?channel=EMAIL&to=" + to, support.accessToken()).expectStatus(200).json().get("items").forEach(item -> {
            if (subject.equals(item.get("subject").asString())) {
                found.add(item);
            }
        });
        return found;
    }
}
