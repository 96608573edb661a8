package app.soiree.server.support;

import static org.awaitility.Awaitility.await;

import app.soiree.api.identity.UserId;
import app.soiree.api.payout.AvailableFundsRecorded;
import app.soiree.api.payout.HostWalletId;
import app.soiree.server.support.Api.Session;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import tools.jackson.databind.JsonNode;

/**
 * Money a host can pay out, the way it comes in real life: a guest pays for seats at the host's gathering,
 * the gathering ends, and {@code soiree.wallet.release-after} later (two seconds under the test profile) the
 * net is released to the host's available balance. Many hosts are set up together, so that they all wait for
 * one end rather than one after another.
 */
public final class HostEarnings {

    public static final long PRICE = 2500;
    private static final Duration RELEASE = Duration.ofSeconds(120);

    private HostEarnings() {
    }

    /** Pays for a booking: {@link ProviderDriver#pay}, the simulated outcome endpoint or a signed Stripe webhook. */
    public interface Payer {
        void pay(Session guest, Booked booking);
    }

    /** The simulated provider's way: the guest sets the outcome. */
    public static Payer simulated(Api api) {
        return new SimulatedProvider(api)::pay;
    }

    /** What the host nets from {@code seats} at {@link #PRICE}: the gross less 5 % and 30 (application.yml). */
    public static long netFor(int seats) {
        long gross = PRICE * seats;
        return gross - Math.round(gross * 0.05) - 30;
    }

    /**
     * Gives each host the net of {@code seats} seats, released to available: one gathering each, starting
     * shortly, booked and paid by one guest. Returns once every host's wallet shows it and every host's
     * HostWallet knows it (the payout decision reads the latter). Answers each host's booking id, by host id.
     */
    public static Map<String, String> earn(Api api, EventStore events, List<Session> hosts, int seats, Payer payer) {
        // Generous: the gatherings must be booked and paid before they start, on a machine that may be busy.
        Instant startsAt = Instant.now().plusSeconds(15 + 2L * hosts.size()).truncatedTo(ChronoUnit.SECONDS);
        Session guest = api.newUser("Paying Guest");
        Map<String, String> bookings = new HashMap<>();
        // One after another: in parallel, a busy machine makes the provider's answers late and the holds expire first.
        for (Session host : hosts) {
            String gatheringId = Gatherings.publish(api, host, Gatherings.gathering("Supper of " + host.userId(), startsAt,
                    startsAt.plusSeconds(1), List.of(Gatherings.tier("Seat", PRICE, seats))));
            String tierId = Gatherings.firstTierId(api, gatheringId);
            JsonNode booking = api.postOnce("/api/bookings", guest.accessToken(),
                    Map.of("gatheringId", gatheringId, "tierId", tierId, "quantity", seats)).expectStatus(201).json();
            payer.pay(guest, new Booked(booking.get("bookingId").asString(), booking.get("payment").get("paymentId").asString(),
                    gatheringId, PRICE * seats));
            bookings.put(host.userId(), booking.get("bookingId").asString());
        }
        for (Session host : hosts) {
            awaitAvailable(api, events, host, netFor(seats));
        }
        return bookings;
    }

    /** Waits until the host's wallet (the projection) and HostWallet (the aggregate) both count {@code amount} available in EUR. */
    public static void awaitAvailable(Api api, EventStore events, Session host, long amount) {
        await().atMost(RELEASE).until(() -> LedgerChecks.walletOf(api, host).getOrDefault("EUR:available", 0L) == amount);
        await().atMost(RELEASE).until(() -> knownToWallet(events, host) >= amount);
    }

    /** What the host's HostWallet learned from other events (releases, settlements) in EUR. */
    public static long knownToWallet(EventStore events, Session host) {
        return events.readEvents(HostWalletId.forHost(UserId.of(host.userId())).toString(), 0L).asStream()
                .map(message -> message.getPayload())
                .filter(AvailableFundsRecorded.class::isInstance).map(AvailableFundsRecorded.class::cast)
                .filter(recorded -> recorded.change().currency().getCurrencyCode().equals("EUR"))
                .mapToLong(recorded -> recorded.change().amountMinor()).sum();
    }

    /** A FINANCE staff member who is also a host (an admin may hire a host): the requester who must never approve. */
    public static Session financeHost(Api api, Session admin) {
        Session staff = api.newStaff(admin, "FINANCE");
        api.post("/api/me/host-profile", staff.accessToken(), Map.of("bio", "Finance by day, dinners by night")).expectStatus(200);
        JsonNode refreshed = api.post("/api/auth/refresh", null, Map.of("refreshToken", staff.refreshToken())).expectStatus(200).json();
        return new Session(staff.userId(), staff.email(), staff.password(), refreshed.get("accessToken").asString(),
                refreshed.get("refreshToken").asString());
    }
}
