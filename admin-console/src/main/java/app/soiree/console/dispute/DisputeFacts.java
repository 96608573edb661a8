package app.soiree.console.dispute;

import app.soiree.api.dispute.DisputeView;
import app.soiree.console.lookup.LookupView;
import app.soiree.console.platform.Facts;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.Links;
import com.vaadin.flow.component.Component;

/**
 * What support reads before answering a dispute: what was paid, by whom and to whom, what the provider withdrew and
 * held, and who did what so far. The steps that have not happened yet are left out rather than shown empty.
 */
final class DisputeFacts extends Facts {

    DisputeFacts() {
        getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr")
                .set("gap", "var(--lumo-space-xs) var(--lumo-space-l)").set("margin", "0");
    }

    void show(DisputeView dispute) {
        removeAll();
        fact("Status", dispute.status().name() + " (provider: " + dispute.providerStatus().name() + ")");
        fact("Evidence due by", Formats.time(dispute.evidenceDueBy()) + (dispute.overdue() ? " · OVERDUE" : ""));
        fact("Reason", dispute.reason());
        fact("Amount", Formats.money(dispute.amount()));
        fact("Provider's dispute fee", Formats.money(dispute.fee()));
        fact("Host's share held", Formats.money(dispute.hostShare()));
        fact("Gathering", lookup(dispute.gatheringTitle() == null ? dispute.gatheringId().toString() : dispute.gatheringTitle(),
                dispute.gatheringId().toString()));
        fact("Guest", party(dispute.guest()));
        fact("Host", party(dispute.host()));
        fact("Booking", lookup(dispute.bookingId().toString(), dispute.bookingId().toString()));
        fact("Payment", lookup(dispute.paymentId().toString(), dispute.paymentId().toString()));
        if (dispute.payment() != null) {
            fact("Payment status", dispute.payment().status().toString());
        }
        fact("Provider", dispute.provider() + " · " + dispute.providerDisputeId());
        fact("Opened", Formats.time(dispute.openedAt()));
        if (dispute.submittedAt() != null) {
            fact("Evidence submitted", Formats.time(dispute.submittedAt()) + " by " + dispute.submittedBy());
        }
        if (dispute.acceptedAt() != null) {
            fact("Accepted", Formats.time(dispute.acceptedAt()) + " by " + dispute.acceptedBy());
        }
        if (dispute.closedAt() != null) {
            fact("Closed", Formats.time(dispute.closedAt()));
        }
    }

    void notFound() {
        notFound("dispute");
    }

    private static Component party(DisputeView.Party party) {
        String name = party.displayName() == null ? party.userId().toString() : party.displayName();
        return lookup(name, party.userId().toString());
    }

    /** Each person and thing opens in the lookup, which links on to the rest of what is known about it. */
    private static Component lookup(String text, String id) {
        return Links.withQuery(text, LookupView.class, LookupView.QUERY_PARAMETER, id);
    }
}
