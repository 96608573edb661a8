package app.soiree.console.moderation;

import app.soiree.api.chat.BanMember;
import app.soiree.api.chat.ConversationRules;
import app.soiree.api.chat.DeleteMessage;
import app.soiree.api.chat.MessageReportStatus;
import app.soiree.api.chat.MessageReportSummary;
import app.soiree.api.chat.MessageReportView;
import app.soiree.api.chat.ReportHandling;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.console.platform.CommandRefused;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.Notices;
import app.soiree.console.platform.SignedInStaff;
import app.soiree.console.platform.StaffCommands;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What support does about a report: delete the message (its text is then gone everywhere) or ban its sender from the
 * conversation, until a time or for good. Either goes out only after a confirmation, as support, in the signed-in
 * member's name; the read side then marks the report handled, and the page shows it once it has
 * ({@code showOnceProjected}). A refusal that says the message or conversation moved on has the page {@code reload}.
 */
final class ModerationActions extends VerticalLayout {

    private final StaffCommands commands;
    private final SignedInStaff signedIn;
    private final Clock clock;
    private final Runnable reload;
    private final Consumer<Predicate<MessageReportView>> showOnceProjected;
    final Button delete = new Button("Delete message");
    final TextArea banReason = new TextArea("Reason for the ban");
    final DateTimePicker bannedUntil = new DateTimePicker("Banned until (UTC)");
    final Button ban = new Button("Ban sender from this conversation");
    final Paragraph actionsNote = new Paragraph();
    final Paragraph refusal = new Paragraph();
    private @Nullable MessageReportSummary shown;

    ModerationActions(StaffCommands commands, SignedInStaff signedIn, Clock clock, Runnable reload,
                      Consumer<Predicate<MessageReportView>> showOnceProjected) {
        this.commands = commands;
        this.signedIn = signedIn;
        this.clock = clock;
        this.reload = reload;
        this.showOnceProjected = showOnceProjected;
        delete.addThemeVariants(ButtonVariant.ERROR);
        delete.addClickListener(click -> confirmDelete());
        configureBan();
        refusal.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        refusal.setVisible(false);
        actionsNote.addClassName("muted");
        HorizontalLayout banning = new HorizontalLayout(banReason, bannedUntil, ban);
        banning.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        banning.setWrap(true);
        setPadding(false);
        add(new H3("Act on the report"), delete, banning, actionsNote, refusal);
    }

    private void configureBan() {
        banReason.setMaxLength(ConversationRules.MAX_REASON_LENGTH);
        banReason.setWidth("28em");
        banReason.setHelperText("Required; kept with the ban and in the conversation's audit trail.");
        banReason.setValueChangeMode(ValueChangeMode.EAGER);
        banReason.addValueChangeListener(changed -> banReason.setInvalid(false));
        bannedUntil.setHelperText("Leave empty to ban for good.");
        bannedUntil.addValueChangeListener(changed -> bannedUntil.setInvalid(false));
        ban.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.PRIMARY);
        ban.addClickListener(click -> confirmBan());
    }

    /** Another report is opened: what was typed or refused for the last one does not carry over. */
    void clear() {
        banReason.clear();
        bannedUntil.clear();
        refusal.setVisible(false);
    }

    /** Only what the report still allows; the platform would take a second delete or ban calmly, this says why not beforehand. */
    void show(@Nullable MessageReportView view) {
        shown = view == null ? null : view.report();
        setVisible(view != null);
        if (view == null) {
            return;
        }
        MessageReportSummary report = view.report();
        // A report settled by a deletion may still call for a ban; one settled by a ban does not call for another.
        boolean mayBan = report.authorId() != null && report.handledBecause() != ReportHandling.AUTHOR_BANNED;
        delete.setEnabled(!report.messageDeleted());
        banReason.setEnabled(mayBan);
        bannedUntil.setEnabled(mayBan);
        bannedUntil.setMin(Formats.local(clock.instant()));
        ban.setEnabled(mayBan);
        actionsNote.setText(note(report));
        actionsNote.setVisible(!actionsNote.getText().isEmpty());
    }

    private static String note(MessageReportSummary report) {
        StringBuilder note = new StringBuilder();
        if (report.status() != MessageReportStatus.OPEN) {
            note.append("This report is ").append(ReportLabels.status(report)).append(". ");
        }
        if (report.messageDeleted()) {
            note.append("The message's text is gone. ");
        }
        if (report.authorId() == null) {
            note.append("The platform posted this message; there is no sender to ban.");
        }
        return note.toString().strip();
    }

    private void confirmDelete() {
        refusal.setVisible(false);
        MessageReportSummary report = shown;
        if (report == null) {
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Delete this message?");
        confirm.setText("The message by " + ReportLabels.name(report.authorId(), report.authorName()) + " is deleted for everyone, as "
                + "support and in your name. Its text is destroyed everywhere, the stored events included; this cannot be undone.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete message");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(confirmed -> deleteMessage(report));
        confirm.open();
    }

    void deleteMessage(MessageReportSummary report) {
        if (send(new DeleteMessage(report.conversationId(), report.messageId(), signedIn.userId(), signedIn.has(Role.SUPPORT)))) {
            Notices.success("Message deleted: its text is gone everywhere.");
            delete.setEnabled(false);
            showOnceProjected.accept(view -> view.report().messageDeleted() && view.report().status() == MessageReportStatus.HANDLED);
        }
    }

    private void confirmBan() {
        refusal.setVisible(false);
        MessageReportSummary report = shown;
        UserId sender = report == null ? null : report.authorId();
        if (report == null || sender == null) {
            return;
        }
        String reason = banReason.getValue().strip();
        if (reason.isEmpty()) {
            banReason.setErrorMessage("Say why the sender is banned");
            banReason.setInvalid(true);
            return;
        }
        Instant until = bannedUntil.getValue() == null ? null : Formats.instant(bannedUntil.getValue());
        if (until != null && !until.isAfter(clock.instant())) {
            bannedUntil.setErrorMessage("A ban ends in the future; leave empty to ban for good");
            bannedUntil.setInvalid(true);
            return;
        }
        String name = ReportLabels.name(sender, report.authorName());
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Ban " + name + " from this conversation?");
        confirm.setText(name + " is removed from " + ReportLabels.conversation(report) + " at once and may not take part again "
                + (until == null ? "ever" : "until " + Formats.time(until)) + ", as support and in your name. Reason: \"" + reason + "\"");
        confirm.setCancelable(true);
        confirm.setConfirmText("Ban");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(confirmed -> banSender(report, sender, until, reason));
        confirm.open();
    }

    void banSender(MessageReportSummary report, UserId sender, @Nullable Instant until, String reason) {
        if (send(new BanMember(report.conversationId(), signedIn.userId(), signedIn.has(Role.SUPPORT), sender, until, reason))) {
            Notices.success(ReportLabels.name(sender, report.authorName()) + " is banned from this conversation "
                    + (until == null ? "for good." : "until " + Formats.time(until) + "."));
            clear();
            ban.setEnabled(false);
            showOnceProjected.accept(view -> view.report().status() == MessageReportStatus.HANDLED);
        }
    }

    private boolean send(Object command) {
        refusal.setVisible(false);
        try {
            commands.send(command);
            return true;
        } catch (CommandRefused refused) {
            showRefusal(ModerationRefusals.explanation(refused));
            if (refused.code() == ErrorCode.NOT_FOUND || refused.code() == ErrorCode.STATE_CONFLICT) {
                reload.run();
            }
            return false;
        }
    }

    private void showRefusal(String text) {
        refusal.setText(text);
        refusal.setVisible(true);
        Notices.error(text);
    }
}
