package app.soiree.console.payout;

import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.FindWallet;
import app.soiree.api.ledger.WalletBalanceView;
import app.soiree.api.ledger.WalletView;
import app.soiree.api.payout.ApprovePayout;
import app.soiree.api.payout.FindHostPayouts;
import app.soiree.api.payout.FindPayout;
import app.soiree.api.payout.FindPayoutRiskHints;
import app.soiree.api.payout.PayoutApprovalView;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.PayoutPage;
import app.soiree.api.payout.PayoutRiskHints;
import app.soiree.api.payout.PayoutStatus;
import app.soiree.api.payout.PayoutView;
import app.soiree.api.payout.RejectPayout;
import app.soiree.console.lookup.AuditTimelineView;
import app.soiree.console.lookup.LookupView;
import app.soiree.console.platform.CommandRefused;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.Links;
import app.soiree.console.platform.LiveUpdates;
import app.soiree.console.platform.Notices;
import app.soiree.console.platform.SignedInStaff;
import app.soiree.console.platform.StaffCommands;
import app.soiree.console.platform.StaffQueries;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
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
import java.time.Duration;
import java.time.Instant;
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
    /** A host or payout account younger than this is new: money leaving soon after an account opens is the classic fraud. */
    static final Duration NEW_ACCOUNT = Duration.ofDays(30);
    static final int REASON_MAX_LENGTH = 1000;
    /** The audit timeline's route is {@code audit/:aggregateType/:aggregateId}; payouts are recorded as this type. */
    static final String AUDIT_TYPE = "Payout";

    private final StaffQueries queries;
    private final StaffCommands commands;
    private final LiveUpdates liveUpdates;
    private final SignedInStaff signedIn;
    private final Clock clock;
    private final StaffNames names;

    final H2 title = new H2("Payout");
    final Badge status = new Badge();
    final Paragraph summary = new Paragraph();
    final Paragraph rule = new Paragraph();
    final Grid<PayoutApprovalView> approvals = new Grid<>();
    final Button approve = new Button("Approve");
    final TextArea reason = new TextArea("Reason for rejecting (the host reads it)");
    final Button reject = new Button("Reject");
    final Paragraph decisionNote = new Paragraph();
    final VerticalLayout hints = new VerticalLayout();
    final Grid<WalletBalanceView> wallet = new Grid<>();
    final Grid<PayoutView> history = new Grid<>();
    final HorizontalLayout links = new HorizontalLayout();
    private @Nullable PayoutView payout;
    private @Nullable Registration following;

    public PayoutDetailsView(StaffQueries queries, StaffCommands commands, LiveUpdates liveUpdates, SignedInStaff signedIn, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.liveUpdates = liveUpdates;
        this.signedIn = signedIn;
        this.clock = clock;
        this.names = new StaffNames(queries);
        addClassName("console-view");
        configureDecision();
        configureGrids();
        hints.setPadding(false);
        hints.setSpacing(false);
        HorizontalLayout heading = new HorizontalLayout(title, status);
        heading.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        HorizontalLayout actions = new HorizontalLayout(approve, reason, reject);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(heading, summary, links, new H3("Approvals"), rule, approvals, actions, decisionNote, new H3("Risk hints"), hints,
                new H3("Host's wallet"), wallet, new H3("Host's latest payouts"), history);
    }

    private void configureDecision() {
        approve.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
        approve.addClickListener(click -> confirmApproval());
        reject.addThemeVariants(ButtonVariant.ERROR);
        reject.addClickListener(click -> confirmRejection());
        reason.setMaxLength(REASON_MAX_LENGTH);
        reason.setWidth("28em");
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        reason.addValueChangeListener(changed -> reason.setInvalid(false));
        decisionNote.addClassName("muted");
    }

    private void configureGrids() {
        approvals.addColumn(approval -> names.of(approval.by())).setHeader("Approved by").setAutoWidth(true);
        approvals.addColumn(approval -> Formats.time(approval.at())).setHeader("At").setAutoWidth(true);
        approvals.setAllRowsVisible(true);
        approvals.setWidth("40em");
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
        payout = null;
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
        showHints(queries.await(riskHints));
        WalletView balances = queries.await(walletView);
        wallet.setItems(balances == null ? List.of() : balances.balances());
        PayoutPage page = queries.await(earlier);
        history.setItems(page == null ? List.of() : page.items());
    }

    private void showMissing(String text) {
        title.setText("Payout");
        status.setVisible(false);
        summary.setText(text);
        approve.setEnabled(false);
        reject.setEnabled(false);
    }

    /** The payout itself and what the signed-in member may do with it. */
    private void show(PayoutView shown) {
        payout = shown;
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
        rule.setText(Approvals.rule(shown, names::of));
        approvals.setItems(shown.approvals());
        approvals.setVisible(!shown.approvals().isEmpty());
        UserId me = signedIn.userId();
        Optional<String> noApproval = Approvals.whyNotApprove(shown, me);
        Optional<String> noRejection = Approvals.whyNotReject(shown, me);
        approve.setEnabled(noApproval.isEmpty());
        reject.setEnabled(noRejection.isEmpty());
        reason.setEnabled(noRejection.isEmpty());
        decisionNote.setText(noApproval.orElse(""));
        decisionNote.setVisible(noApproval.isPresent() && shown.status() == PayoutStatus.PENDING_APPROVAL);
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

    /** Each hint on its own line; the ones worth a second look are marked. */
    private void showHints(@Nullable PayoutRiskHints risk) {
        hints.removeAll();
        if (risk == null) {
            hints.add(new Span("No risk hints are available for this payout."));
            return;
        }
        Instant newSince = clock.instant().minus(NEW_ACCOUNT);
        hint(risk.hostSince() == null || risk.hostSince().isAfter(newSince),
                risk.hostSince() == null ? "The host's account is not known to the read side." : "Host since " + Formats.time(risk.hostSince()));
        hint(risk.payoutAccountOpenedAt() == null || risk.payoutAccountOpenedAt().isAfter(newSince),
                risk.payoutAccountOpenedAt() == null ? "No payout account is known."
                        : "Payout account opened " + Formats.time(risk.payoutAccountOpenedAt()));
        hint(risk.openDisputes() != null && risk.openDisputes() > 0,
                risk.openDisputes() == null ? "Open disputes: not known here." : "Open disputes: " + risk.openDisputes());
        hint(risk.failedOrRejectedPayouts() > 0, "Earlier payouts failed or rejected: " + risk.failedOrRejectedPayouts());
        hint(risk.refundsSinceLastPayout() > 0, "Refunds of the host's gatherings since their last paid payout: " + risk.refundsSinceLastPayout());
        hint(false, "Paid before: " + risk.paidPayouts() + " payouts, " + Formats.money(risk.paidTotal()));
    }

    private void hint(boolean warn, String text) {
        Badge mark = new Badge(warn ? "check" : "ok");
        mark.addThemeVariants(warn ? BadgeVariant.WARNING : BadgeVariant.SUCCESS);
        Span line = new Span(text);
        if (warn) {
            line.addClassName("risk-warning");
        }
        HorizontalLayout row = new HorizontalLayout(mark, line);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        hints.add(row);
    }

    private void confirmApproval() {
        PayoutView shown = payout;
        if (shown == null) {
            return;
        }
        int after = shown.approvals().size() + 1;
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Approve " + Formats.money(shown.amount()) + " to " + names.of(shown.hostId()) + "?");
        confirm.setText(after >= shown.requiredApprovals()
                ? "Yours is the last approval it needs: the payout is sent to the host's account at once."
                : "Yours is approval " + after + " of " + shown.requiredApprovals() + "; it is sent once someone else in finance "
                        + "approves it too.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Approve");
        confirm.addConfirmListener(confirmed -> approve(shown));
        confirm.open();
    }

    private void confirmRejection() {
        PayoutView shown = payout;
        String why = reason.getValue().strip();
        if (shown == null) {
            return;
        }
        if (why.isEmpty()) {
            reason.setErrorMessage("Say why: the host reads it");
            reason.setInvalid(true);
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Reject " + Formats.money(shown.amount()) + " to " + names.of(shown.hostId()) + "?");
        confirm.setText("The funds return to the host's available balance, and the host reads: \"" + why + "\"");
        confirm.setCancelable(true);
        confirm.setConfirmText("Reject");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(confirmed -> reject(shown, why));
        confirm.open();
    }

    void approve(PayoutView shown) {
        UserId me = signedIn.userId();
        if (decide(new ApprovePayout(shown.payoutId(), me), "Approved.")) {
            showOnceProjected(shown.payoutId(), seen -> seen.status() != PayoutStatus.PENDING_APPROVAL
                    || seen.approvals().stream().anyMatch(approval -> approval.by().equals(me)));
        }
    }

    void reject(PayoutView shown, String why) {
        if (decide(new RejectPayout(shown.payoutId(), signedIn.userId(), why), "Rejected; the funds return to the host.")) {
            reason.clear();
            showOnceProjected(shown.payoutId(), seen -> seen.status() != PayoutStatus.PENDING_APPROVAL);
        }
    }

    private boolean decide(Object command, String done) {
        try {
            commands.send(command);
        } catch (CommandRefused refused) {
            Notices.error(refused.explanation());
            return false;
        }
        Notices.success(done);
        approve.setEnabled(false);
        reject.setEnabled(false);
        return true;
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
