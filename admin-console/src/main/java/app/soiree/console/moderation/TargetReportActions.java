package app.soiree.console.moderation;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.report.DismissReport;
import app.soiree.api.report.ReportId;
import app.soiree.api.report.ReportRules;
import app.soiree.api.report.ReportStatus;
import app.soiree.api.report.ReportSummary;
import app.soiree.api.report.ResolveReport;
import app.soiree.console.platform.CommandRefused;
import app.soiree.console.platform.Notices;
import app.soiree.console.platform.SignedInStaff;
import app.soiree.console.platform.StaffCommands;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Support's decision on a user or gathering report: dismiss it (nothing to do) or resolve it (dealt with), either with a
 * note saying why, after a confirmation and in the signed-in member's name. The read side then shows the report handled,
 * and the page shows it once it has ({@code showOnceProjected}). A decision is final: once taken, neither is offered.
 */
final class TargetReportActions extends VerticalLayout {

    private final StaffCommands commands;
    private final SignedInStaff signedIn;
    private final Runnable reload;
    private final Consumer<Predicate<ReportSummary>> showOnceProjected;
    final TextArea note = new TextArea("Note");
    final Button dismiss = new Button("Dismiss");
    final Button resolve = new Button("Resolve");
    final Paragraph refusal = new Paragraph();
    private @Nullable ReportSummary shown;

    TargetReportActions(StaffCommands commands, SignedInStaff signedIn, Runnable reload, Consumer<Predicate<ReportSummary>> showOnceProjected) {
        this.commands = commands;
        this.signedIn = signedIn;
        this.reload = reload;
        this.showOnceProjected = showOnceProjected;
        note.setMaxLength(ReportRules.MAX_NOTE_LENGTH);
        note.setWidth("32em");
        note.setHelperText("Required: why it is dismissed, or what was done. Kept with the report and in its audit trail.");
        note.setValueChangeMode(ValueChangeMode.EAGER);
        note.addValueChangeListener(changed -> note.setInvalid(false));
        dismiss.addClickListener(click -> confirm("Dismiss", "dismissed: nothing needs doing", this::dismiss));
        resolve.addThemeVariants(ButtonVariant.PRIMARY);
        resolve.addClickListener(click -> confirm("Resolve", "resolved: it was dealt with", this::resolve));
        refusal.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        refusal.setVisible(false);
        HorizontalLayout buttons = new HorizontalLayout(dismiss, resolve);
        buttons.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setPadding(false);
        add(new H3("Decide on the report"), note, buttons, refusal);
    }

    /** Another report is opened: what was typed or refused for the last one does not carry over. */
    void clear() {
        note.clear();
        refusal.setVisible(false);
    }

    void show(@Nullable ReportSummary report) {
        shown = report;
        setVisible(report != null);
        boolean open = report != null && report.status() == ReportStatus.OPEN;
        note.setEnabled(open);
        dismiss.setEnabled(open);
        resolve.setEnabled(open);
    }

    private void confirm(String action, String outcome, Consumer<String> decide) {
        refusal.setVisible(false);
        ReportSummary report = shown;
        if (report == null) {
            return;
        }
        String text = note.getValue().strip();
        if (text.isEmpty()) {
            note.setErrorMessage("Say why, in at most " + ReportRules.MAX_NOTE_LENGTH + " characters");
            note.setInvalid(true);
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(action + " this report?");
        dialog.setText("The report of " + ReportLabels.type(report.targetType()) + " " + ReportLabels.target(report) + " is " + outcome
                + ", in your name, for good. Note: \"" + text + "\"");
        dialog.setCancelable(true);
        dialog.setConfirmText(action);
        dialog.addConfirmListener(confirmed -> decide.accept(text));
        dialog.open();
    }

    boolean dismiss(String text) {
        ReportId reportId = requireShown().reportId();
        return decided(send(new DismissReport(reportId, signedIn.userId(), text)), "Report dismissed.");
    }

    boolean resolve(String text) {
        ReportId reportId = requireShown().reportId();
        return decided(send(new ResolveReport(reportId, signedIn.userId(), text)), "Report resolved.");
    }

    private boolean decided(boolean sent, String notice) {
        if (sent) {
            Notices.success(notice);
            clear();
            // Decided: nothing more to decide, even before the read side shows it.
            note.setEnabled(false);
            dismiss.setEnabled(false);
            resolve.setEnabled(false);
            showOnceProjected.accept(report -> report.status() != ReportStatus.OPEN);
        }
        return sent;
    }

    private ReportSummary requireShown() {
        ReportSummary report = shown;
        if (report == null) {
            throw new IllegalStateException("No report is shown");
        }
        return report;
    }

    private boolean send(Object command) {
        refusal.setVisible(false);
        try {
            commands.send(command);
            return true;
        } catch (CommandRefused refused) {
            String text = switch (refused.code()) {
                case STATE_CONFLICT -> "Another decision was taken on this report meanwhile; the page shows it.";
                case NOT_FOUND -> "The platform does not know this report; the page shows what is left.";
                case VALIDATION_FAILED -> "The note must be 1 to " + ReportRules.MAX_NOTE_LENGTH + " characters.";
                default -> refused.explanation();
            };
            refusal.setText(text);
            refusal.setVisible(true);
            Notices.error(text);
            if (refused.code() == ErrorCode.NOT_FOUND || refused.code() == ErrorCode.STATE_CONFLICT) {
                reload.run();
            }
            return false;
        }
    }
}
