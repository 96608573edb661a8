package app.soiree.query.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.Money;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.LedgerAccounts;
import app.soiree.api.ledger.Posting;
import app.soiree.api.payout.HostWalletId;
import app.soiree.api.promotion.FeaturedGatheringId;
import app.soiree.api.promotion.FeaturedGatheringList;
import app.soiree.api.promotion.FindFeaturedGatherings;
import app.soiree.api.promotion.GatheringFeatured;
import app.soiree.api.promotion.GatheringUnfeatured;
import app.soiree.api.promotion.PromotionId;
import app.soiree.api.promotion.PromotionPaid;
import app.soiree.api.promotion.PromotionRefunded;
import app.soiree.api.promotion.PromotionStatus;
import app.soiree.api.promotion.PromotionView;
import app.soiree.query.ProjectionTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PromotionProjectionTest extends ProjectionTest {

    static final Instant T0 = Instant.parse("2026-12-20T09:00:00Z");

    @Autowired
    QueryGateway queries;
    @Autowired
    PromotionReads reads;

    final GatheringId gathering = new GatheringId(UUID.randomUUID());
    final UserId host = UserId.random();
    final UserId support = UserId.random();

    @Test
    void aFeatureIsOneRowThatTheLatestWindowReplacesAndARemovalDeletes() {
        events.publish(featured(T0, T0.plus(Duration.ofDays(1))), featured(T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofDays(2))));

        Map<String, Object> row = jdbc.sql("select * from featured_gatherings where gathering_id = ?").param(gathering.value()).query().singleRow();
        assertThat(((java.sql.Timestamp) row.get("featured_from")).toInstant()).isEqualTo(T0.plus(Duration.ofHours(2)));
        assertThat(((java.sql.Timestamp) row.get("featured_until")).toInstant()).isEqualTo(T0.plus(Duration.ofDays(2)));
        assertThat(row.get("featured_by")).isEqualTo(support.value());

        events.publish(new GatheringUnfeatured(FeaturedGatheringId.forGathering(gathering), gathering, support, T0.plusSeconds(60)));
        assertThat(jdbc.sql("select count(*) from featured_gatherings").query(Long.class).single()).isZero();
    }

    @Test
    void supportSeesCurrentAndScheduledFeaturesButNotEndedOnes() {
        GatheringId ended = new GatheringId(UUID.randomUUID());
        events.publish(featured(T0, T0.plus(Duration.ofDays(1))),
                new GatheringFeatured(FeaturedGatheringId.forGathering(ended), ended, T0.minus(Duration.ofDays(2)), T0.minusSeconds(1), support,
                        T0.minus(Duration.ofDays(3))));

        FeaturedGatheringList list = queries.query(new FindFeaturedGatherings(T0, 50), ResponseTypes.instanceOf(FeaturedGatheringList.class))
                .join();

        assertThat(list.items()).singleElement().satisfies(view -> {
            assertThat(view.gatheringId()).isEqualTo(gathering);
            assertThat(view.currentAt(T0)).isTrue();
        });
    }

    @Test
    void aPaidPromotionIsOneRowRefundedOnceHoweverOftenTheEventsArrive() {
        PromotionId promotion = new PromotionId(UUID.randomUUID());
        Instant from = T0.plus(Duration.ofHours(1));
        Instant until = T0.plus(Duration.ofHours(11));
        PromotionPaid paid = paid(promotion, 1000, from, until);
        PromotionRefunded refunded = new PromotionRefunded(HostWalletId.forHost(host), host, promotion, gathering, eur(700),
                from.plus(Duration.ofHours(3)), List.of(Posting.debit(LedgerAccounts.PROMOTIONS, eur(700)),
                Posting.credit(LedgerAccounts.hostAvailable(host), eur(700))), T0.plus(Duration.ofHours(4)));
        events.publish(paid);
        assertThat(reads.promotionsOf(gathering, T0)).singleElement()
                .isEqualTo(new PromotionView(promotion, eur(1000), from, until, PromotionStatus.SCHEDULED, null));
        assertThat(reads.promotionsOf(gathering, from).getFirst().status()).isEqualTo(PromotionStatus.ACTIVE);
        assertThat(reads.promotionsOf(gathering, until).getFirst().status()).isEqualTo(PromotionStatus.ENDED);

        events.publish(refunded, paid, refunded);

        assertThat(reads.promotionsOf(gathering, T0)).singleElement()
                .isEqualTo(new PromotionView(promotion, eur(1000), from, until, PromotionStatus.REFUNDED, eur(700)));
        Map<String, Object> row = jdbc.sql("select status, refunded_minor, budget_minor, currency, host_id from gathering_promotions")
                .query().singleRow();
        assertThat(row).containsEntry("status", "REFUNDED").containsEntry("refunded_minor", 700L).containsEntry("budget_minor", 1000L)
                .containsEntry("currency", "EUR").containsEntry("host_id", host.value());
    }

    private GatheringFeatured featured(Instant from, Instant until) {
        return new GatheringFeatured(FeaturedGatheringId.forGathering(gathering), gathering, from, until, support, T0);
    }

    private PromotionPaid paid(PromotionId promotion, long minor, Instant from, Instant until) {
        return new PromotionPaid(HostWalletId.forHost(host), host, promotion, gathering, eur(minor), from, until,
                List.of(Posting.debit(LedgerAccounts.hostAvailable(host), eur(minor)), Posting.credit(LedgerAccounts.PROMOTIONS, eur(minor))),
                T0);
    }

    static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }
}
