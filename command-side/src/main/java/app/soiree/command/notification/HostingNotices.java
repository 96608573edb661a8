package app.soiree.command.notification;

import app.soiree.api.dispute.DisputeAccepted;
import app.soiree.api.dispute.DisputeClosed;
import app.soiree.api.dispute.DisputeEvidenceSubmitted;
import app.soiree.api.dispute.DisputeOpened;
import app.soiree.api.identity.UserId;
import app.soiree.api.notification.NotificationKind;
import app.soiree.api.payout.PayoutFailed;
import app.soiree.api.payout.PayoutPaid;
import app.soiree.api.promotion.PromotionRefunded;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A host's money news: a dispute opened on one of their payments (support hears of it too), its evidence due soon
 * (planned with the dispute, withdrawn once evidence is in or the dispute is over), a payout paid or failed, a
 * promotion's unused budget refunded.
 */
@Component
@ProcessingGroup(NotificationPlanner.PROCESSING_GROUP)
class HostingNotices {

    private final Gatherings gatherings;
    private final Recipients recipients;
    private final NotificationPlanner planner;
    private final Withdrawals withdrawals;
    private final NotificationsProperties properties;

    HostingNotices(Gatherings gatherings, Recipients recipients, NotificationPlanner planner, Withdrawals withdrawals,
                   NotificationsProperties properties) {
        this.gatherings = gatherings;
        this.recipients = recipients;
        this.planner = planner;
        this.withdrawals = withdrawals;
        this.properties = properties;
    }

    @EventHandler
    void on(DisputeOpened event) {
        Map<String, String> data = gatherings.find(event.gatheringId()).map(Gatherings.Gathering::data).orElseGet(HashMap::new);
        data.put("disputeId", event.disputeId().toString());
        data.put("amount", NotificationTexts.money(event.amount()));
        data.put("evidenceDueBy", event.evidenceDueBy().toString());
        data.remove("timezone"); // a deadline is read in the reader's own time zone
        Set<UserId> told = new LinkedHashSet<>();
        told.add(event.hostId());
        told.addAll(recipients.support());
        Instant warnAt = event.evidenceDueBy().minus(properties.evidenceWarningBefore());
        String cause = "dispute:" + event.disputeId();
        for (UserId recipient : told) {
            String link = recipient.equals(event.hostId()) ? "/hosting/disputes/" + event.disputeId() : "/console/disputes/" + event.disputeId();
            planner.plan(NotificationDraft.now("dispute-opened:" + event.disputeId(), recipient, NotificationKind.DISPUTE_OPENED, data, link,
                    event.openedAt()));
            if (warnAt.isAfter(event.openedAt())) {
                planner.plan(NotificationDraft.now(cause, recipient, NotificationKind.DISPUTE_EVIDENCE_DUE, data, link, event.openedAt())
                        .deliveredAt(warnAt, event.evidenceDueBy())).ifPresent(id -> withdrawals.remember(cause, id));
            }
        }
    }

    @EventHandler
    void on(DisputeEvidenceSubmitted event) {
        withdrawals.withdraw("dispute:" + event.disputeId(), "Evidence was submitted");
    }

    @EventHandler
    void on(DisputeAccepted event) {
        withdrawals.withdraw("dispute:" + event.disputeId(), "The dispute was accepted");
    }

    @EventHandler
    void on(DisputeClosed event) {
        withdrawals.withdraw("dispute:" + event.disputeId(), "The dispute is closed");
    }

    @EventHandler
    void on(PayoutPaid event) {
        planner.plan(NotificationDraft.now("payout-paid:" + event.payoutId(), event.hostId(), NotificationKind.PAYOUT_PAID,
                Map.of("payoutId", event.payoutId().toString(), "amount", NotificationTexts.money(event.amount())),
                "/hosting/payouts/" + event.payoutId(), event.paidAt()));
    }

    @EventHandler
    void on(PayoutFailed event) {
        planner.plan(NotificationDraft.now("payout-failed:" + event.payoutId() + ":" + event.failedAt(), event.hostId(), NotificationKind.PAYOUT_FAILED,
                Map.of("payoutId", event.payoutId().toString(), "amount", NotificationTexts.money(event.amount()), "reason", event.reason()),
                "/hosting/payouts/" + event.payoutId(), event.failedAt()));
    }

    /** The unused share of a promotion of a cancelled gathering, back in the host's available balance. */
    @EventHandler
    void on(PromotionRefunded event) {
        Map<String, String> data = gatherings.find(event.gatheringId()).map(Gatherings.Gathering::data).orElseGet(HashMap::new);
        data.put("gatheringId", event.gatheringId().toString());
        data.put("promotionId", event.promotionId().toString());
        data.put("amount", NotificationTexts.money(event.amount()));
        planner.plan(NotificationDraft.now("promotion-refunded:" + event.promotionId(), event.hostId(), NotificationKind.PROMOTION_REFUNDED,
                data, "/hosting/gatherings/" + event.gatheringId(), event.refundedAt()));
    }
}
