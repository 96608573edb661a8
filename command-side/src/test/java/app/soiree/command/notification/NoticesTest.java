package app.soiree.command.notification;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.Money;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.TierId;
import app.soiree.api.gathering.WaitlistOfferMade;
import app.soiree.api.identity.UserId;
import app.soiree.api.notification.NotificationId;
import app.soiree.api.notification.NotificationKind;
import app.soiree.api.payout.PayoutFailed;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.HostWalletId;
import app.soiree.api.payout.PayoutPaid;
import app.soiree.api.promotion.PromotionId;
import app.soiree.api.promotion.PromotionRefunded;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Triggers whose causes the HTTP tests do not reach cheaply: a waitlist seat offered, a payout paid or refused, a promotion refunded. */
class NoticesTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final UserId HOST = new UserId(new UUID(0, 1));
    static final UserId GUEST = new UserId(new UUID(0, 2));
    static final GatheringId GATHERING = new GatheringId(new UUID(0, 3));
    static final NotificationsProperties PROPERTIES = new NotificationsProperties(null, null, null, null, null, null, null, null, null, null, null);

    final List<NotificationDraft> planned = new ArrayList<>();
    final NotificationPlanner planner = new NotificationPlanner(null, null, null, PROPERTIES, null, null) {
        @Override
        public Optional<NotificationId> plan(NotificationDraft draft) {
            planned.add(draft);
            return Optional.of(NotificationId.of(draft.triggerKey(), draft.recipientId(), draft.kind()));
        }
    };
    final Gatherings gatherings = new Gatherings(null) {
        @Override
        Optional<Gathering> find(GatheringId gatheringId) {
            return Optional.of(new Gathering(GATHERING, HOST, "Supper club", NOW.plus(Duration.ofDays(2)), "Europe/Paris", "Chez Ana", "PUBLISHED"));
        }
    };

    @Test
    void theNextInLineHearsOfTheSeatHeldForThemUntilTheHoldRunsOut() {
        BookingNotices notices = new BookingNotices(null, gatherings, planner, null, null);
        BookingId booking = new BookingId(new UUID(0, 9));
        Instant expires = NOW.plus(Duration.ofMinutes(10));

        notices.on(new WaitlistOfferMade(GATHERING, new TierId(new UUID(0, 4)), GUEST, booking, expires), NOW);

        assertThat(planned).singleElement().satisfies(draft -> {
            assertThat(draft.kind()).isEqualTo(NotificationKind.WAITLIST_OFFER);
            assertThat(draft.recipientId()).isEqualTo(GUEST);
            assertThat(draft.triggerKey()).isEqualTo("waitlist-offer:" + booking);
            assertThat(draft.deliverAt()).isEqualTo(NOW);
            assertThat(draft.staleAt()).isEqualTo(expires);
            assertThat(draft.data()).containsEntry("expiresAt", expires.toString()).containsEntry("gatheringTitle", "Supper club");
            assertThat(draft.linkPath()).isEqualTo("/bookings/" + booking);
        });
    }

    @Test
    void aHostHearsOfEachPayoutPaidOrRefused() {
        HostingNotices notices = new HostingNotices(gatherings, null, planner, null, PROPERTIES);
        PayoutId payout = new PayoutId(new UUID(0, 7));

        notices.on(new PayoutPaid(payout, HOST, Money.of(12_345, "EUR"), "tr_1", List.of(), NOW));
        notices.on(new PayoutFailed(payout, HOST, Money.of(12_345, "EUR"), "account closed", NOW.plusSeconds(60)));

        assertThat(planned).extracting(NotificationDraft::kind).containsExactly(NotificationKind.PAYOUT_PAID, NotificationKind.PAYOUT_FAILED);
        assertThat(planned).allSatisfy(draft -> {
            assertThat(draft.recipientId()).isEqualTo(HOST);
            assertThat(draft.data()).containsEntry("amount", "123.45 EUR");
        });
        assertThat(planned.get(1).data()).containsEntry("reason", "account closed");
        assertThat(planned.get(1).triggerKey()).isEqualTo("payout-failed:" + payout + ":" + NOW.plusSeconds(60));
    }

    @Test
    void aHostHearsOfTheUnusedBudgetOfAPromotionRefundedOnce() {
        HostingNotices notices = new HostingNotices(gatherings, null, planner, null, PROPERTIES);
        PromotionId promotion = new PromotionId(new UUID(0, 9));
        PromotionRefunded refunded = new PromotionRefunded(HostWalletId.forHost(HOST), HOST, promotion, GATHERING, Money.of(1_250, "EUR"),
                NOW, List.of(), NOW.plusSeconds(5));

        notices.on(refunded);

        assertThat(planned).singleElement().satisfies(draft -> {
            assertThat(draft.kind()).isEqualTo(NotificationKind.PROMOTION_REFUNDED);
            assertThat(draft.recipientId()).isEqualTo(HOST);
            // One notification per promotion, however often the event is met again (a rebuilt processor, a retry).
            assertThat(draft.triggerKey()).isEqualTo("promotion-refunded:" + promotion);
            assertThat(draft.linkPath()).isEqualTo("/hosting/gatherings/" + GATHERING);
            NotificationTexts texts = new NotificationTexts();
            assertThat(texts.render(draft.kind(), "en", ZoneOffset.UTC, draft.data()).title())
                    .isEqualTo("12.50 EUR of your promotion of Supper club is refunded");
            assertThat(texts.render(draft.kind(), "fr", ZoneOffset.UTC, draft.data()).title())
                    .isEqualTo("12.50 EUR de votre promotion de Supper club vous sont remboursés");
        });
    }
}
