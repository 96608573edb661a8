package app.soiree.console.payout;

import app.soiree.api.identity.UserId;
import app.soiree.api.payout.ApprovePayout;
import app.soiree.api.payout.PayoutApprovalView;
import app.soiree.api.payout.PayoutId;
import app.soiree.api.payout.PayoutStatus;
import app.soiree.api.payout.PayoutView;
import app.soiree.api.payout.RejectPayout;
import app.soiree.console.platform.CommandRefused;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.Notices;
import app.soiree.console.platform.SignedInStaff;
import app.soiree.console.platform.StaffCommands;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A payout's approvals so far with the rule they follow, and the signed-in member's decision on it. Approve is
 * offered only to someone who may give it (four eyes, see {@link Approvals}); either decision is confirmed first,
 * because the money leaves or the host reads the reason at once. The page follows the read side afterwards
 * ({@code awaitDecision}), since it also reloads the wallet and history the decision changes.
 */
final class PayoutDecision extends VerticalLayout {

    static final int REASON_MAX_LENGTH = 1000;

    private final StaffCommands commands;
    private final SignedInStaff signedIn;
    private final StaffNames names;
    private final BiConsumer<PayoutId, Predicate<PayoutView>> awaitDecision;
    final Paragraph rule = new Paragraph();
    final Grid<PayoutApprovalView> approvals = new Grid<>();
    final Button approve = new Button("Approve");
    final TextArea reason = new TextArea("Reason for rejecting (the host reads it)");
    final Button reject = new Button("Reject");
    final Paragraph decisionNote = new Paragraph();
    private @Nullable PayoutView payout;

    PayoutDecision(StaffCommands commands, SignedInStaff signedIn, StaffNames names,
                   BiConsumer<PayoutId, Predicate<PayoutView>> awaitDecision) {
        this.commands = commands;
        this.signedIn = signedIn;
        this.names = names;
        this.awaitDecision = awaitDecision;
        approvals.addColumn(approval -> names.of(approval.by())).setHeader("Approved by").setAutoWidth(true);
        approvals.addColumn(approval -> Formats.time(approval.at())).setHeader("At").setAutoWidth(true);
        approvals.setAllRowsVisible(true);
        approvals.setWidth("40em");
        approve.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
        approve.addClickListener(click -> confirmApproval());
        reject.addThemeVariants(ButtonVariant.ERROR);
        reject.addClickListener(click -> confirmRejection());
        reason.setMaxLength(REASON_MAX_LENGTH);
        reason.setWidth("28em");
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        reason.addValueChangeListener(changed -> reason.setInvalid(false));
        decisionNote.addClassName("muted");
        HorizontalLayout actions = new HorizontalLayout(approve, reason, reject);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setPadding(false);
        add(rule, approvals, actions, decisionNote);
    }

    /** What the signed-in member may do with this payout, and why not when they may not approve. */
    void show(PayoutView shown) {
        payout = shown;
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

    /** No payout is shown: nothing to decide on. */
    void showNone() {
        payout = null;
        approve.setEnabled(false);
        reject.setEnabled(false);
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
            awaitDecision.accept(shown.payoutId(), seen -> seen.status() != PayoutStatus.PENDING_APPROVAL
                    || seen.approvals().stream().anyMatch(approval -> approval.by().equals(me)));
        }
    }

    void reject(PayoutView shown, String why) {
        if (decide(new RejectPayout(shown.payoutId(), signedIn.userId(), why), "Rejected; the funds return to the host.")) {
            reason.clear();
            awaitDecision.accept(shown.payoutId(), seen -> seen.status() != PayoutStatus.PENDING_APPROVAL);
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
}
