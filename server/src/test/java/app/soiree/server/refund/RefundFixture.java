package app.soiree.server.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.gathering.BookingId;
import app.soiree.api.refund.PaymentRefunded;
import app.soiree.api.refund.RefundId;
import app.soiree.server.support.Api.Response;
import app.soiree.server.support.Api.Session;
import app.soiree.server.support.Booked;
import app.soiree.server.support.Gatherings;
import app.soiree.server.support.LedgerChecks;
import app.soiree.server.support.ProviderTest;
import app.soiree.server.support.Staff;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/** What the refund tests of either provider stand on. Every test ends with a balanced ledger and a wallet that agrees with the journal. */
abstract class RefundFixture extends ProviderTest {

    static final long PRICE = 2500;
    /** 2500 less 5 % and 30 (application.yml). */
    static final long NET = 2345;
    static final Duration WAIT = Duration.ofSeconds(30);

    Session host;
    Session finance;
    Session support;

    @BeforeEach
    void setUp() {
        connect();
        host = api.newHost("Refunding Host");
        Staff staff = Staff.of(api, port);
        finance = staff.finance();
        support = staff.support();
    }

    @AfterEach
    void theLedgerBalancesAndTheWalletAgreesWithTheJournal() {
        try {
            LedgerChecks.assertTrialBalanceBalances(api, finance);
            LedgerChecks.assertWalletAgreesWithJournal(api, finance, host);
        } finally {
            provider.afterEach();
        }
    }

    String open(Map<String, Object> gathering) {
        return Gatherings.publish(api, host, gathering);
    }

    /** A gathering of three seats at {@link #PRICE}, starting beyond the refund policy's deadline. */
    String openDinner(String title) {
        return open(Gatherings.gathering(title, List.of(Gatherings.tier("Seat", PRICE, 3))));
    }

    JsonNode book(Session guest, String gatheringId) {
        String tierId = Gatherings.firstTierId(api, gatheringId);
        return api.postOnce("/api/bookings", guest.accessToken(), Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", 1))
                .expectStatus(201).json();
    }

    /** One seat booked, paid at the provider, confirmed and captured. */
    Booked bookAndPay(Session guest, String gatheringId) {
        JsonNode booking = book(guest, gatheringId);
        Booked booked = new Booked(booking.get("bookingId").asString(), booking.get("payment").get("paymentId").asString(), gatheringId,
                PRICE);
        provider.pay(guest, booked);
        awaitBooking(guest, booked.bookingId(), "CONFIRMED");
        await().atMost(WAIT).until(() -> bookingOf(guest, booked.bookingId()).get("payment").get("status").asString(), "CAPTURED"::equals);
        return booked;
    }

    static String refundIdOf(Booked booked) {
        return RefundId.forBooking(BookingId.of(booked.bookingId())).toString();
    }

    Response cancel(Session guest, String bookingId) {
        return api.postOnce("/api/bookings/" + bookingId + "/cancel", guest.accessToken(), null);
    }

    Response staffRefund(String bookingId, long amount, String reason) {
        return api.postOnce("/api/staff/refunds", support.accessToken(),
                Map.of("bookingId", bookingId, "amount", Gatherings.money(amount), "reason", reason));
    }

    JsonNode bookingOf(Session who, String bookingId) {
        return api.get("/api/bookings/" + bookingId, who.accessToken()).expectStatus(200).json();
    }

    JsonNode awaitBooking(Session who, String bookingId, String status) {
        return await().atMost(WAIT).until(() -> api.get("/api/bookings/" + bookingId, who.accessToken()),
                r -> r.status() == 200 && status.equals(r.json().get("status").asString())).json();
    }

    /** The refund as support sees it among the booking's refunds, once it has this status. */
    JsonNode awaitRefund(String bookingId, String refundId, String status) {
        return await().atMost(WAIT).until(() -> {
            for (JsonNode refund : api.get("/api/staff/bookings/" + bookingId + "/refunds", support.accessToken()).expectStatus(200).json()
                    .get("items")) {
                if (refund.get("refundId").asString().equals(refundId)) {
                    return refund;
                }
            }
            return null;
        }, refund -> refund != null && status.equals(refund.get("status").asString()));
    }

    static boolean contains(JsonNode items, String refundId) {
        for (JsonNode item : items) {
            if (item.get("refundId").asString().equals(refundId)) {
                return true;
            }
        }
        return false;
    }

    void awaitWallet(Map<String, Long> expected) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(LedgerChecks.walletOf(api, host)).isEqualTo(expected));
    }

    List<PaymentRefunded> refunded(String paymentId) {
        return eventsOf(paymentId, PaymentRefunded.class);
    }

    <T> List<T> eventsOf(String aggregateId, Class<T> type) {
        return events.readEvents(aggregateId, 0L).asStream().map(message -> message.getPayload()).filter(type::isInstance).map(type::cast)
                .toList();
    }
}
