package app.soiree.console.dispute;

import app.soiree.api.dispute.AcceptDispute;
import app.soiree.api.dispute.AddDisputeEvidence;
import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.DisputeStatus;
import app.soiree.api.dispute.DisputeSummary;
import app.soiree.api.dispute.DisputeView;
import app.soiree.api.dispute.EvidenceFileContent;
import app.soiree.api.dispute.EvidenceFileId;
import app.soiree.api.dispute.EvidenceId;
import app.soiree.api.dispute.FindDispute;
import app.soiree.api.dispute.FindEvidenceFile;
import app.soiree.api.dispute.SubmitDisputeEvidence;
import app.soiree.api.dispute.UploadEvidenceFile;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.identity.UserId;
import app.soiree.console.lookup.AuditTimelineView;
import app.soiree.console.lookup.LookupView;
import app.soiree.console.platform.CommandRefused;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.Links;
import app.soiree.console.platform.LiveUpdates;
import app.soiree.console.platform.Notices;
import app.soiree.console.platform.QuerySubscriptions;
import app.soiree.console.platform.SignedInStaff;
import app.soiree.console.platform.StaffCommands;
import app.soiree.console.platform.StaffQueries;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.RouteParam;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One dispute, with everything support needs to answer it: what was paid, by whom and to whom (each linked to the
 * lookup), what the provider withdrew, the evidence so far and every event. Support adds evidence, submits it to
 * the provider or accepts the loss, each after a confirmation and in their own name. An action's result shows once
 * the read side has it; the page also follows the query side's updates, so a provider's decision appears by itself.
 */
@Route("disputes/:" + DisputeDetailView.ID_PARAMETER)
@PageTitle("Dispute · Soiree console")
@RolesAllowed("SUPPORT")
public class DisputeDetailView extends VerticalLayout implements BeforeEnterObserver {

    static final String ID_PARAMETER = "disputeId";
    /** soiree.disputes.max-evidence-chars: the evidence texts of one dispute together. */
    static final int MAX_EVIDENCE_CHARS = 20_000;

    private final StaffCommands commands;
    private final StaffQueries queries;
    private final LiveUpdates liveUpdates;
    private final QuerySubscriptions subscriptions;
    private final SignedInStaff signedIn;
    final H2 title = new H2("Dispute");
    final Span status = new Span();
    final DescriptionList facts = new DescriptionList();
    final HorizontalLayout links = new HorizontalLayout();
    final VerticalLayout evidence = new VerticalLayout();
    final Grid<DisputeView.TimelineEntry> timeline = new Grid<>();
    final TextArea evidenceText = new TextArea("Evidence text");
    final EvidenceUpload files = new EvidenceUpload(this::showRefusal);
    final Button addEvidence = new Button("Add evidence");
    final Button submit = new Button("Submit evidence to the provider");
    final Button accept = new Button("Accept the loss");
    final Paragraph actionsNote = new Paragraph();
    final Paragraph refusal = new Paragraph();
    final VerticalLayout actions = new VerticalLayout();
    private @Nullable DisputeId disputeId;
    private @Nullable DisputeView shown;
    private @Nullable Registration followingUpdates;

    public DisputeDetailView(StaffCommands commands, StaffQueries queries, LiveUpdates liveUpdates, QuerySubscriptions subscriptions,
                             SignedInStaff signedIn) {
        this.commands = commands;
        this.queries = queries;
        this.liveUpdates = liveUpdates;
        this.subscriptions = subscriptions;
        this.signedIn = signedIn;
        addClassName("console-view");
        configureTimeline();
        configureActions();
        facts.getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr")
                .set("gap", "var(--lumo-space-xs) var(--lumo-space-l)").set("margin", "0");
        status.addClassName("dispute-status");
        evidence.setPadding(false);
        add(new HorizontalLayout(title, status), links, facts, actions, new H3("Evidence"), evidence, new H3("Timeline"), timeline);
    }

    private void configureTimeline() {
        timeline.addColumn(entry -> Formats.time(entry.at())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(DisputeView.TimelineEntry::what).setHeader("What").setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(DisputeView.TimelineEntry::actor).setHeader("Actor").setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(DisputeView.TimelineEntry::detail).setHeader("Detail").setFlexGrow(1);
        timeline.addThemeVariants(GridVariant.ROW_STRIPES);
        timeline.setAllRowsVisible(true);
        timeline.setWidthFull();
    }

    private void configureActions() {
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
        actions.setPadding(false);
        actions.add(new H3("Answer the dispute"), evidenceText, files.upload, new HorizontalLayout(addEvidence, submit, accept),
                actionsNote, refusal);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        disputeId = event.getRouteParameters().get(ID_PARAMETER).flatMap(DisputeDetailView::uuid).map(DisputeId::new).orElse(null);
        files.clear();
        evidenceText.clear();
        refusal.setVisible(false);
        reload();
        if (isAttached()) {
            followUpdates();
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        followUpdates();
    }

    /** Updates say that this dispute changed (a provider's decision, a colleague's evidence); the page then reads it again. */
    private void followUpdates() {
        if (followingUpdates != null) {
            followingUpdates.remove();
            followingUpdates = null;
        }
        if (disputeId != null) {
            followingUpdates = subscriptions.refreshOnUpdates(this, new FindDispute(disputeId), DisputeView.class, DisputeSummary.class,
                    this::reload);
        }
    }

    void reload() {
        show(disputeId == null ? null : queries.ask(new FindDispute(disputeId), DisputeView.class));
    }

    private void show(@Nullable DisputeView dispute) {
        shown = dispute;
        facts.removeAll();
        links.removeAll();
        evidence.removeAll();
        if (dispute == null) {
            title.setText("Dispute");
            status.setText("");
            facts.add(new DescriptionList.Term("Not found"), new DescriptionList.Description("No dispute has this id."));
            timeline.setItems(List.of());
            actions.setVisible(false);
            return;
        }
        title.setText("Dispute of " + Formats.money(dispute.amount()));
        status.setText(dispute.status().name() + (dispute.overdue() ? " · OVERDUE" : ""));
        DisputeQueueView.markOverdue(status, dispute.overdue());
        showFacts(dispute);
        showLinks(dispute);
        showEvidence(dispute);
        timeline.setItems(dispute.timeline());
        actions.setVisible(true);
        enableActions(dispute);
    }

    private void showFacts(DisputeView dispute) {
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

    private void showLinks(DisputeView dispute) {
        links.add(new RouterLink("Dispute timeline (audit)", AuditTimelineView.class, new RouteParameters(
                new RouteParam(AuditTimelineView.TYPE_PARAMETER, "Dispute"),
                new RouteParam(AuditTimelineView.ID_PARAMETER, dispute.disputeId().toString()))),
                new RouterLink("Back to the queue", DisputeQueueView.class));
    }

    private void showEvidence(DisputeView dispute) {
        if (dispute.evidence().isEmpty() && dispute.files().isEmpty()) {
            evidence.add(new Paragraph("No evidence yet."));
            return;
        }
        for (DisputeView.Evidence piece : dispute.evidence()) {
            Div text = new Div(new Text(piece.text()));
            text.getStyle().set("white-space", "pre-wrap").set("border-inline-start", "3px solid var(--lumo-contrast-20pct)")
                    .set("padding-inline-start", "var(--lumo-space-m)");
            String attached = piece.fileIds().stream().map(id -> fileName(dispute, id)).collect(Collectors.joining(", "));
            Span by = new Span(Formats.time(piece.addedAt()) + " by " + piece.addedBy() + (attached.isEmpty() ? "" : " · files: " + attached));
            by.addClassName("muted");
            evidence.add(by, text);
        }
        for (DisputeView.EvidenceFile file : dispute.files()) {
            Anchor download = new Anchor();
            download.setText(file.fileName());
            download.setHref(download(dispute.disputeId(), file.fileId()), AttachmentType.DOWNLOAD);
            Span about = new Span(" " + file.contentType() + ", " + file.sizeBytes() + " bytes, uploaded " + Formats.time(file.uploadedAt())
                    + " by " + file.uploadedBy());
            about.addClassName("muted");
            evidence.add(new Div(download, about));
        }
    }

    /** The bytes are read only when support downloads the file; the platform bounds a file at 5 MB. */
    private DownloadHandler download(DisputeId dispute, EvidenceFileId fileId) {
        return DownloadHandler.fromInputStream(event -> {
            EvidenceFileContent content = queries.ask(new FindEvidenceFile(dispute, fileId), EvidenceFileContent.class);
            if (content == null) {
                return DownloadResponse.error(404);
            }
            return new DownloadResponse(new ByteArrayInputStream(content.content()), content.fileName(), content.contentType(),
                    content.content().length);
        });
    }

    private static String fileName(DisputeView dispute, EvidenceFileId fileId) {
        return dispute.files().stream().filter(file -> file.fileId().equals(fileId)).map(DisputeView.EvidenceFile::fileName).findFirst()
                .orElse(fileId.toString());
    }

    /** Only what the dispute's status allows; the platform refuses the rest anyway, this says why beforehand. */
    private void enableActions(DisputeView dispute) {
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

    void addEvidence(DisputeId dispute, String text, List<EvidenceUpload.PendingFile> pending) {
        UserId me = signedIn.userId();
        List<EvidenceFileId> fileIds = new ArrayList<>();
        EvidenceId evidenceId = new EvidenceId(UUID.randomUUID());
        try {
            for (EvidenceUpload.PendingFile file : pending) {
                if (!file.sent) {
                    commands.send(new UploadEvidenceFile(dispute, file.fileId, file.fileName, file.contentType, file.content, me));
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
        showOnceProjected(shownDispute -> shownDispute.evidence().stream().anyMatch(piece -> piece.evidenceId().equals(evidenceId)));
    }

    void submitEvidence() {
        if (send(new SubmitDisputeEvidence(requiredId(), signedIn.userId()))) {
            Notices.success("Evidence submitted to the provider.");
            showOnceProjected(dispute -> dispute.status() != DisputeStatus.NEEDS_RESPONSE);
        }
    }

    void acceptLoss() {
        if (send(new AcceptDispute(requiredId(), signedIn.userId()))) {
            Notices.success("The dispute is accepted; the loss is booked when the provider confirms it.");
            showOnceProjected(dispute -> dispute.status() != DisputeStatus.NEEDS_RESPONSE);
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

    /** The read side follows the events a moment later; show the dispute again once it has the change. */
    private void showOnceProjected(Predicate<DisputeView> changed) {
        DisputeId id = requiredId();
        liveUpdates.showOnceProjected(this, () -> queries.ask(new FindDispute(id), DisputeView.class), changed, this::show);
    }

    private DisputeId requiredId() {
        if (disputeId == null) {
            throw new IllegalStateException("No dispute is shown");
        }
        return disputeId;
    }

    /** A dispute that moved on (decided, submitted by a colleague) is shown as it now is, so that its actions close too. */
    private void refused(CommandRefused refused) {
        showRefusal(DisputeRefusals.explanation(refused));
        if (refused.code() == ErrorCode.DISPUTE_CLOSED || refused.code() == ErrorCode.STATE_CONFLICT) {
            reload();
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

    private void fact(String term, String value) {
        fact(term, new Text(value));
    }

    private void fact(String term, Component value) {
        DescriptionList.Term name = new DescriptionList.Term(term);
        name.addClassName("muted");
        DescriptionList.Description description = new DescriptionList.Description(value);
        description.getStyle().set("margin", "0");
        facts.add(name, description);
    }

    private static Component party(DisputeView.Party party) {
        String name = party.displayName() == null ? party.userId().toString() : party.displayName();
        return lookup(name, party.userId().toString());
    }

    /** Each person and thing opens in the lookup, which links on to the rest of what is known about it. */
    private static Component lookup(String text, String id) {
        return Links.withQuery(text, LookupView.class, LookupView.QUERY_PARAMETER, id);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
