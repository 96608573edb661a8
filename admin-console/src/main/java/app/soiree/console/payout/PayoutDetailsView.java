package app.soiree.console.payout;

import app.soiree.api.ledger.FindWallet;
import app.soiree.api.ledger.WalletBalanceView;
import app.soiree.api.ledger.WalletView;
import app.soiree.api.payout.FindHostPayouts;
import app.soiree.api.payout.FindPayout;
import app.soiree.api.payout.FindPayoutRiskHints;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.PayoutPage;
import app.soiree.api.payout.PayoutRiskHints;
import app.soiree.api.payout.PayoutView;
import app.soiree.console.lookup.AuditTimelineView;
import app.soiree.console.lookup.LookupView;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.Links;
import app.soiree.console.platform.LiveUpdates;
import app.soiree.console.platform.SignedInStaff;
import app.soiree.console.platform.StaffCommands;
import app.soiree.console.platform.StaffQueries;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.RouteParam;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One payout and what finance weighs before deciding on it: the host's wallet and earlier payouts,
 * risk hints, and the approvals so far with the rule they follow. Approve and reject are confirmed
 * first and sent in the signed-in member's name; the page then follows the read side until it shows
 * the decision. The address holds the payout id, so a colleague can be sent straight here.
 */
@Route("payouts/:payoutId")
@PageTitle("Payout · Soiree console")
@RolesAllowed("FINANCE")
public class PayoutDetailsView extends VerticalLayout implements BeforeEnterObserver {

    static final String ID_PARAMETER = "payoutId";
    /** The host's latest payouts shown here; the audit timeline and the queue hold the rest. */
    static final int HISTORY_SIZE = 20;
    /** The audit timeline's route is {@code audit/:aggregateType/:aggregateId}; payouts are recorded as this type. */
    static final String AUDIT_TYPE = "Payout";

    private final StaffQueries queries;
    private final LiveUpdates liveUpdates;
    private final StaffNames names;

    final H2 title = new H2("Payout");
    final Badge status = new Badge();
    final Paragraph summary = new Paragraph();
    final PayoutDecision decision;
    final RiskHints hints;
    final Grid<WalletBalanceView> wallet = new Grid<>();
    final Grid<PayoutView> history = new Grid<>();
    final HorizontalLayout links = new HorizontalLayout();
    private @Nullable Registration following;

    public PayoutDetailsView(StaffQueries queries, StaffCommands commands, LiveUpdates liveUpdates, SignedInStaff signedIn, Clock clock) {
        this.queries = queries;
        this.liveUpdates = liveUpdates;
        this.names = new StaffNames(queries);
        this.decision = new PayoutDecision(commands, signedIn, names, this::showOnceProjected);
        this.hints = new RiskHints(clock);
        addClassName("console-view");
        configureGrids();
        HorizontalLayout heading = new HorizontalLayout(title, status);
        heading.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        add(heading, summary, links, new H3("Approvals"), decision, new H3("Risk hints"), hints,
                new H3("Host's wallet"), wallet, new H3("Host's latest payouts"), history);
    }

    private void configureGrids() {
        wallet.addColumn(WalletBalanceView::currency).setHeader("Currency").setAutoWidth(true);
        wallet.addColumn(balance -> Formats.money(balance.available())).setHeader("Available").setAutoWidth(true);
        wallet.addColumn(balance -> Formats.money(balance.pending())).setHeader("Pending").setAutoWidth(true);
        wallet.addColumn(balance -> Formats.money(balance.reserved())).setHeader("Reserved (payouts in flight)").setAutoWidth(true);
        wallet.addColumn(balance -> Formats.money(balance.disputeHold())).setHeader("Held for disputes").setAutoWidth(true);
        wallet.setAllRowsVisible(true);
        history.addColumn(earlier -> Formats.time(earlier.requestedAt())).setHeader("Requested").setAutoWidth(true);
        history.addColumn(earlier -> Formats.money(earlier.amount())).setHeader("Amount").setAutoWidth(true);
        history.addColumn(earlier -> PayoutQueueView.label(earlier.status())).setHeader("Status").setAutoWidth(true);
        history.addColumn(earlier -> earlier.reason() == null ? "" : earlier.reason()).setHeader("Reason").setAutoWidth(true);
        history.addComponentColumn(earlier -> new RouterLink("Open", PayoutDetailsView.class,
                new RouteParameters(ID_PARAMETER, earlier.payoutId().toString()))).setHeader("").setAutoWidth(true);
        history.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<PayoutId> payoutId = event.getRouteParameters().get(ID_PARAMETER).flatMap(PayoutDetailsView::payoutId);
        stopFollowing();
        payoutId.ifPresentOrElse(this::load, () -> showMissing("This is not a payout id."));
    }

    private void load(PayoutId payoutId) {
        PayoutView found = queries.ask(new FindPayout(payoutId), PayoutView.class);
        if (found == null) {
            showMissing("No payout " + payoutId + " is known to the read side (a payout requested a moment ago may take a moment).");
            return;
        }
        CompletableFuture<@Nullable PayoutRiskHints> riskHints = queries.submit(new FindPayoutRiskHints(payoutId), PayoutRiskHints.class);
        CompletableFuture<@Nullable WalletView> walletView = queries.submit(new FindWallet(found.hostId()), WalletView.class);
        CompletableFuture<@Nullable PayoutPage> earlier = queries.submit(new FindHostPayouts(found.hostId(), null, HISTORY_SIZE),
                PayoutPage.class);
        show(found);
        hints.show(queries.await(riskHints));
        WalletView balances = queries.await(walletView);
        wallet.setItems(balances == null ? List.of() : balances.balances());
        PayoutPage page = queries.await(earlier);
        history.setItems(page == null ? List.of() : page.items());
    }

    private void showMissing(String text) {
        title.setText("Payout");
        status.setVisible(false);
        summary.setText(text);
        decision.showNone();
    }

    /** The payout itself and what the signed-in member may do with it. */
    private void show(PayoutView shown) {
        title.setText("Payout of " + Formats.money(shown.amount()) + " to " + names.of(shown.hostId()));
        status.setText(PayoutQueueView.label(shown.status()));
        status.setVisible(true);
        status.removeThemeVariants(BadgeVariant.SUCCESS, BadgeVariant.ERROR, BadgeVariant.WARNING);
        switch (shown.status()) {
            case APPROVED, PAID -> status.addThemeVariants(BadgeVariant.SUCCESS);
            case FAILED, REJECTED -> status.addThemeVariants(BadgeVariant.ERROR);
            default -> status.addThemeVariants(BadgeVariant.WARNING);
        }
        summary.setText("Requested " + Formats.time(shown.requestedAt()) + details(shown, names));
        links.removeAll();
        RouterLink host = Links.withQuery("Look up the host", LookupView.class, "q", shown.hostId().toString());
        RouterLink audit = new RouterLink("Payout timeline", AuditTimelineView.class, new RouteParameters(
                new RouteParam("aggregateType", AUDIT_TYPE), new RouteParam("aggregateId", shown.payoutId().toString())));
        links.add(host, audit);
        decision.show(shown);
    }

    private static String details(PayoutView shown, StaffNames names) {
        StringBuilder text = new StringBuilder(" · last change " + Formats.time(shown.updatedAt()));
        if (shown.decidedBy() != null) {
            text.append(" · decided by ").append(names.of(shown.decidedBy()));
        }
        if (shown.reason() != null) {
            text.append(" · reason: ").append(shown.reason());
        }
        if (shown.transferReference() != null) {
            text.append(" · transfer ").append(shown.transferReference());
        }
        if (shown.reversed().amountMinor() != 0) {
            text.append(" · reversed by the provider: ").append(Formats.money(shown.reversed()));
        }
        if (shown.needsAttention()) {
            text.append(" · needs attention: the provider has not answered the transfer");
        }
        return text.toString();
    }

    /** The read side follows the events a moment later; the page shows the payout again once it has the decision. */
    private void showOnceProjected(PayoutId payoutId, Predicate<PayoutView> decided) {
        stopFollowing();
        following = liveUpdates.showOnceProjected(this, () -> queries.ask(new FindPayout(payoutId), PayoutView.class),
                decided, seen -> load(payoutId));
    }

    private void stopFollowing() {
        if (following != null) {
            following.remove();
            following = null;
        }
    }

    private static Optional<PayoutId> payoutId(String text) {
        try {
            return Optional.of(PayoutId.of(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
