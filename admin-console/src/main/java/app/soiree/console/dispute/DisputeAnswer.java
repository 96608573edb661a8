package app.soiree.console.dispute;

import app.soiree.api.RandomUuids;
import app.soiree.api.dispute.AcceptDispute;
import app.soiree.api.dispute.AddDisputeEvidence;
import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.DisputeStatus;
import app.soiree.api.dispute.DisputeView;
import app.soiree.api.dispute.EvidenceFileId;
import app.soiree.api.dispute.EvidenceId;
import app.soiree.api.dispute.SubmitDisputeEvidence;
import app.soiree.api.dispute.UploadEvidenceFile;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.identity.UserId;
import app.soiree.console.platform.CommandRefused;
import app.soiree.console.platform.Notices;
import app.soiree.console.platform.SignedInStaff;
import app.soiree.console.platform.StaffCommands;
import app.soiree.store.ContentSniffer;
import app.soiree.store.ObjectStore;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Support's answer to a dispute: add evidence, submit it to the provider, or accept the loss. Each goes out only after
 * a confirmation, since none can be taken back, and in the signed-in member's name. The page owns the dispute and
 * its updates; this asks it to {@code reload} when a refusal says the dispute moved on, and to
 * {@code showOnceProjected} the change an action made.
 */
final class DisputeAnswer extends VerticalLayout {

    /** soiree.disputes.max-evidence-chars: the evidence texts of one dispute together. */
    static final int MAX_EVIDENCE_CHARS = 20_000;

    private static final Logger log = LoggerFactory.getLogger(DisputeAnswer.class);

    private final StaffCommands commands;
    private final SignedInStaff signedIn;
    private final ObjectStore store;
    private final Runnable reload;
    private final Consumer<Predicate<DisputeView>> showOnceProjected;
    final TextArea evidenceText = new TextArea("Evidence text");
    final EvidenceUpload files = new EvidenceUpload(this::showRefusal);
    final Button addEvidence = new Button("Add evidence");
    final Button submit = new Button("Submit evidence to the provider");
    final Button accept = new Button("Accept the loss");
    final Paragraph actionsNote = new Paragraph();
    final Paragraph refusal = new Paragraph();
    private @Nullable DisputeView shown;

    DisputeAnswer(StaffCommands commands, SignedInStaff signedIn, ObjectStore store, Runnable reload,
                  Consumer<Predicate<DisputeView>> showOnceProjected) {
        this.commands = commands;
        this.signedIn = signedIn;
        this.store = store;
        this.reload = reload;
        this.showOnceProjected = showOnceProjected;
        evidenceText.setMaxLength(MAX_EVIDENCE_CHARS);
        evidenceText.setWidthFull();
        evidenceText.setMinHeight("8em");
        evidenceText.setHelperText("What support knows: the booking, the attendance, messages with the guest. Files: PDF, PNG or JPEG, "
                + "at most 5 MB each, 20 per dispute.");
        addEvidence.addThemeVariants(ButtonVariant.PRIMARY);
        addEvidence.addClickListener(click -> confirmAddEvidence());
        submit.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
        submit.addClickListener(click -> confirm("Submit the evidence to the provider?",
                "The evidence so far goes to the payment provider, which then decides. Nothing can be added afterwards.",
                "Submit", this::submitEvidence));
        accept.addThemeVariants(ButtonVariant.ERROR);
        accept.addClickListener(click -> confirm("Accept the loss?",
                "The dispute is conceded at the provider: the guest keeps the money, and the loss is booked when the provider "
                        + "reports the dispute lost. This cannot be undone.", "Accept the loss", this::acceptLoss));
        refusal.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        refusal.setVisible(false);
        actionsNote.addClassName("muted");
        setPadding(false);
        add(new H3("Answer the dispute"), evidenceText, files.upload, new HorizontalLayout(addEvidence, submit, accept),
                actionsNote, refusal);
    }

    /** Another dispute is opened: what was typed, chosen or refused for the last one does not carry over. */
    void clear() {
        files.clear();
        evidenceText.clear();
        refusal.setVisible(false);
    }

    /** Only what the dispute's status allows; the platform refuses the rest anyway, this says why beforehand. */
    void show(@Nullable DisputeView dispute) {
        shown = dispute;
        setVisible(dispute != null);
        if (dispute == null) {
            return;
        }
        boolean open = dispute.status() == DisputeStatus.NEEDS_RESPONSE;
        evidenceText.setEnabled(open);
        files.upload.setEnabled(open);
        files.filesAlreadyOnDispute(dispute.files().size());
        addEvidence.setEnabled(open);
        submit.setEnabled(open && !dispute.evidence().isEmpty());
        accept.setEnabled(open);
        actionsNote.setText(switch (dispute.status()) {
            case NEEDS_RESPONSE -> dispute.evidence().isEmpty() ? "Add evidence before submitting it." : "";
            case UNDER_REVIEW -> "The evidence is with the provider, which is deciding; nothing more can be done here.";
            case ACCEPTED -> "Accepted: the provider is to confirm the loss.";
            case WON, LOST -> "Closed: the provider decided (" + dispute.status() + "); nothing more can be done.";
        });
    }

    private void confirmAddEvidence() {
        refusal.setVisible(false);
        DisputeView dispute = shown;
        if (dispute == null) {
            return;
        }
        String text = evidenceText.getValue().strip();
        List<EvidenceUpload.PendingFile> pending = files.pending();
        if (text.isEmpty() && pending.isEmpty()) {
            showRefusal("Write a text or choose a file first.");
            return;
        }
        int left = MAX_EVIDENCE_CHARS - dispute.evidence().stream().mapToInt(piece -> piece.text().length()).sum();
        if (text.length() > left) {
            showRefusal("The evidence texts of a dispute may have at most " + MAX_EVIDENCE_CHARS + " characters together; " + left
                    + " are left.");
            return;
        }
        String names = pending.stream().map(file -> file.fileName).collect(Collectors.joining(", "));
        confirm("Add this evidence?", text.length() + " characters of text" + (names.isEmpty() ? "" : " and the files " + names)
                + " are added to the dispute in your name. Evidence cannot be removed once added.", "Add evidence",
                () -> addEvidence(dispute.disputeId(), text, pending));
    }

    /**
     * Each file not sent yet is put in the object store under its id, then recorded by a command that carries no bytes:
     * the command side reads the file back from the store, checks it and deletes it if it refuses it.
     */
    void addEvidence(DisputeId dispute, String text, List<EvidenceUpload.PendingFile> pending) {
        UserId me = signedIn.userId();
        List<EvidenceFileId> fileIds = new ArrayList<>();
        EvidenceId evidenceId = new EvidenceId(RandomUuids.next());
        try {
            for (EvidenceUpload.PendingFile file : pending) {
                if (!file.sent) {
                    if (!store(file)) {
                        return;
                    }
                    commands.send(new UploadEvidenceFile(dispute, file.fileId, file.fileName, file.contentType, me));
                    file.sent = true;
                }
                fileIds.add(file.fileId);
            }
            commands.send(new AddDisputeEvidence(dispute, evidenceId, text, fileIds, me));
        } catch (CommandRefused refused) {
            refused(refused);
            return;
        }
        files.clear();
        evidenceText.clear();
        Notices.success("Evidence added.");
        showOnceProjected.accept(shownDispute -> shownDispute.evidence().stream().anyMatch(piece -> piece.evidenceId().equals(evidenceId)));
    }

    /** Puts the file's bytes in the object store; false (with the reason shown and logged) when that failed. */
    private boolean store(EvidenceUpload.PendingFile file) {
        try {
            ByteArrayInputStream content = new ByteArrayInputStream(file.content);
            store.put(file.fileId.objectKey(), content, file.content.length, ContentSniffer.sniff(content));
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("Could not put evidence file {} ({}) in the object store", file.fileId, file.fileName, e);
            showRefusal(file.fileName + " could not be stored; nothing was added. Try again.");
            return false;
        }
    }

    void submitEvidence() {
        if (send(new SubmitDisputeEvidence(requiredId(), signedIn.userId()))) {
            Notices.success("Evidence submitted to the provider.");
            showOnceProjected.accept(dispute -> dispute.status() != DisputeStatus.NEEDS_RESPONSE);
        }
    }

    void acceptLoss() {
        if (send(new AcceptDispute(requiredId(), signedIn.userId()))) {
            Notices.success("The dispute is accepted; the loss is booked when the provider confirms it.");
            showOnceProjected.accept(dispute -> dispute.status() != DisputeStatus.NEEDS_RESPONSE);
        }
    }

    private boolean send(Object command) {
        refusal.setVisible(false);
        try {
            commands.send(command);
            return true;
        } catch (CommandRefused refused) {
            refused(refused);
            return false;
        }
    }

    private DisputeId requiredId() {
        if (shown == null) {
            throw new IllegalStateException("No dispute is shown");
        }
        return shown.disputeId();
    }

    /** A dispute that moved on (decided, submitted by a colleague) is shown as it now is, so that its actions close too. */
    private void refused(CommandRefused refused) {
        showRefusal(DisputeRefusals.explanation(refused));
        if (refused.code() == ErrorCode.DISPUTE_CLOSED || refused.code() == ErrorCode.STATE_CONFLICT) {
            reload.run();
        }
    }

    private void showRefusal(String text) {
        refusal.setText(text);
        refusal.setVisible(true);
        Notices.error(text);
    }

    private static void confirm(String header, String text, String confirmText, Runnable action) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(header);
        confirm.setText(text);
        confirm.setCancelable(true);
        confirm.setConfirmText(confirmText);
        confirm.addConfirmListener(confirmed -> action.run());
        confirm.open();
    }
}
