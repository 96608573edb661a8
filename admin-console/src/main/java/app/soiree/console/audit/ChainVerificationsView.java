package app.soiree.console.audit;

import app.soiree.api.RandomUuids;
import app.soiree.api.audit.ChainHeadPage;
import app.soiree.api.audit.ChainHeadView;
import app.soiree.api.audit.ChainVerificationPage;
import app.soiree.api.audit.ChainVerificationView;
import app.soiree.api.audit.FindChainHeads;
import app.soiree.api.audit.FindChainVerification;
import app.soiree.api.audit.FindChainVerifications;
import app.soiree.api.audit.StartChainVerification;
import app.soiree.api.error.ErrorCode;
import app.soiree.console.layout.InSection;
import app.soiree.console.layout.MenuSection;
import app.soiree.console.platform.CommandRefused;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.LiveUpdates;
import app.soiree.console.platform.Notices;
import app.soiree.console.platform.RunProgress;
import app.soiree.console.platform.SignedInStaff;
import app.soiree.console.platform.StaffCommands;
import app.soiree.console.platform.StaffQueries;
import app.soiree.console.platform.StaffQueries.QueryUnavailable;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Tamper evidence for finance. A verification walks every stored event from the first and checks it against the hash
 * chain kept beside the store; its progress is pushed into the page as it runs, and at the end it says the chain is
 * intact or names the first event whose link does not hold, and how. Below: the latest verifications, and each day's
 * chain head, which finance copies to hand to an outside party (a notary, a timestamping service) so that a later
 * verification proves nothing chained before it was rewritten.
 */
@Route("audit/chain-verifications")
@PageTitle("Chain verifications · Soiree console")
@Menu(order = 230, title = "Chain verifications")
@InSection(MenuSection.FINANCE)
@RolesAllowed("FINANCE")
public class ChainVerificationsView extends VerticalLayout {

    static final int RECENT_VERIFICATIONS = 20;
    /** Two weeks of heads: a notary is usually handed yesterday's, and a missed day is still there to copy. */
    static final int RECENT_HEADS = 14;
    static final String ALREADY_RUNNING = "A chain verification is already running, and only one runs at a time.";

    private final StaffCommands commands;
    private final StaffQueries queries;
    private final LiveUpdates liveUpdates;
    private final SignedInStaff signedIn;

    final Button start = new Button("Start verification", VaadinIcon.PLAY.create());
    final Paragraph unavailable = new Paragraph();
    final VerificationPanel panel = new VerificationPanel();
    final Grid<ChainVerificationView> recent = new Grid<>();
    final Grid<ChainHeadView> heads = new Grid<>();
    private List<ChainVerificationView> latestVerifications = List.of();

    public ChainVerificationsView(StaffCommands commands, StaffQueries queries, LiveUpdates liveUpdates, SignedInStaff signedIn) {
        this.commands = commands;
        this.queries = queries;
        this.liveUpdates = liveUpdates;
        this.signedIn = signedIn;
        addClassName("console-view");
        setWidthFull();
        start.addThemeVariants(ButtonVariant.PRIMARY);
        start.addClickListener(click -> confirmStart());
        unavailable.setVisible(false);
        unavailable.addClassName("coming-later");
        configureRecent();
        configureHeads();
        add(new H2("Chain verifications"),
                new Paragraph("Each stored event is chained to the one before it by a hash over its stored bytes. A verification reads "
                        + "every event from the first and recomputes its link; an event edited, removed or slipped in behind the "
                        + "platform's back breaks the chain there. It runs in the background; you can leave this page and come back."),
                start, unavailable, panel, new H3("Recent verifications"), recent,
                new H3("Daily chain heads"),
                new Paragraph("The last link of each day (UTC). Copy a day's head and hand it to an outside party to keep: a later "
                        + "verification that finds the chain intact proves that nothing chained up to that head was rewritten."),
                heads);
        loadRecent();
    }

    private void configureRecent() {
        recent.addColumn(verification -> Formats.time(verification.startedAt())).setHeader("Started").setAutoWidth(true);
        recent.addColumn(ChainVerificationView::status).setHeader("Status").setAutoWidth(true);
        recent.addColumn(ChainVerificationsView::outcome).setHeader("Outcome").setAutoWidth(true).setFlexGrow(1);
        recent.addColumn(ChainVerificationView::requestedBy).setHeader("Requested by").setAutoWidth(true);
        recent.addColumn(verification -> Formats.time(verification.finishedAt())).setHeader("Finished").setAutoWidth(true);
        recent.setWidthFull();
        recent.setAllRowsVisible(true);
        recent.asSingleSelect().addValueChangeListener(selected -> {
            if (selected.getValue() != null) {
                follow(selected.getValue().verificationId());
            }
        });
    }

    private void configureHeads() {
        heads.addColumn(head -> head.day().toString()).setHeader("Day (UTC)").setAutoWidth(true);
        heads.addColumn(ChainHeadView::chainLength).setHeader("Chain length").setAutoWidth(true);
        heads.addColumn(ChainHeadView::position).setHeader("Position").setAutoWidth(true);
        heads.addComponentColumn(head -> mono(head.eventId())).setHeader("Event id").setAutoWidth(true);
        heads.addComponentColumn(head -> mono(head.linkHash())).setHeader("Link hash (SHA-256)").setFlexGrow(1);
        heads.addComponentColumn(this::copyButton).setHeader("For the notary").setAutoWidth(true);
        heads.setWidthFull();
        heads.setAllRowsVisible(true);
    }

    private static Span mono(String text) {
        Span span = new Span(text);
        span.addClassName("mono");
        return span;
    }

    private Button copyButton(ChainHeadView head) {
        Button copy = new Button("Copy", VaadinIcon.COPY.create(), click -> copyForNotary(head));
        copy.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        return copy;
    }

    /** The browser may refuse the clipboard (a page served over plain HTTP): then the head is still there to select. */
    private void copyForNotary(ChainHeadView head) {
        getUI().ifPresent(ui -> ui.getPage().executeJs("return navigator.clipboard.writeText($0)", forNotary(head)).then(
                copied -> Notices.success("The chain head of " + head.day() + " is on the clipboard."),
                refused -> Notices.error("The browser did not allow copying; select the link hash in the list and copy it.")));
    }

    /** One line that says what the hash is the head of, so that whoever keeps it knows what it proves. */
    static String forNotary(ChainHeadView head) {
        return "Soiree event store chain head, " + head.day() + " (UTC): link " + head.chainLength() + ", event " + head.eventId()
                + " at position " + head.position() + ", SHA-256 " + head.linkHash();
    }

    private void loadRecent() {
        try {
            ChainVerificationPage verifications = queries.ask(new FindChainVerifications(RECENT_VERIFICATIONS), ChainVerificationPage.class);
            latestVerifications = verifications == null ? List.of() : verifications.items();
            recent.setItems(latestVerifications);
            ChainHeadPage latestHeads = queries.ask(new FindChainHeads(RECENT_HEADS), ChainHeadPage.class);
            heads.setItems(latestHeads == null ? List.of() : latestHeads.items());
        } catch (QueryUnavailable notDeployed) {
            start.setEnabled(false);
            unavailable.setText("Chain verifications are not available on this server: no process here answers for them.");
            unavailable.setVisible(true);
        }
    }

    private void confirmStart() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Verify the chain?");
        confirm.setText("Every stored event is read again, from the first, and checked against its link in the chain. Nothing is "
                + "changed. On a long stream this takes a while and adds load to the database.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Start verification");
        confirm.addConfirmListener(confirmed -> startVerification());
        confirm.open();
    }

    void startVerification() {
        UUID verificationId = RandomUuids.next();
        try {
            commands.send(new StartChainVerification(verificationId, signedIn.userId().toString()));
        } catch (CommandRefused refused) {
            if (refused.code() == ErrorCode.STATE_CONFLICT) {
                followTheRunningOne();
            } else {
                Notices.error(refused.explanation());
            }
            return;
        }
        follow(verificationId);
    }

    /**
     * Refused because another verification runs (perhaps started by someone else, perhaps on another server): the page
     * says so and shows that one instead, which is what whoever pressed Start wants to see.
     */
    private void followTheRunningOne() {
        loadRecent();
        Optional<ChainVerificationView> running = latestVerifications.stream()
                .filter(verification -> ChainVerificationView.RUNNING.equals(verification.status()))
                .findFirst();
        if (running.isPresent()) {
            Notices.error(ALREADY_RUNNING + " Its progress is shown below.");
            follow(running.get().verificationId());
        } else {
            Notices.error(ALREADY_RUNNING + " It has just finished or is about to start; look at the recent verifications, or start again.");
        }
    }

    /** Shows the verification and, while it runs, keeps its progress up to date by push. */
    void follow(UUID verificationId) {
        panel.follow(verificationId, liveUpdates,
                () -> queries.ask(new FindChainVerification(verificationId), ChainVerificationView.class), this::loadRecent);
    }

    static String outcome(ChainVerificationView verification) {
        return switch (verification.status()) {
            case ChainVerificationView.COMPLETED -> Boolean.TRUE.equals(verification.intact())
                    ? "intact"
                    : "broken at event " + verification.firstBrokenEventId();
            case ChainVerificationView.FAILED -> "failed: " + verification.failure();
            default -> "";
        };
    }

    /** One verification: its progress while it runs, then intact, or the first broken link; or why it could not finish. */
    static final class VerificationPanel extends RunProgress {

        /** The first broken event and how its link fails, or why the verification could not finish. */
        final Paragraph finding = new Paragraph();

        VerificationPanel() {
            add(finding);
        }

        void follow(UUID verificationId, LiveUpdates liveUpdates, Supplier<@Nullable ChainVerificationView> read, Runnable whenFinished) {
            finding.setText("");
            finding.setVisible(false);
            follow("Verification " + verificationId, liveUpdates, read, this::show,
                    verification -> !ChainVerificationView.RUNNING.equals(verification.status()), whenFinished);
        }

        private void show(ChainVerificationView verification) {
            String title = "Verification started " + Formats.time(verification.startedAt()) + " by " + verification.requestedBy();
            switch (verification.status()) {
                case ChainVerificationView.RUNNING -> running(title, verification.eventsChecked(), verification.eventsTotal());
                case ChainVerificationView.COMPLETED -> completed(title, verification);
                default -> {
                    failed(title, verification.eventsChecked(), verification.eventsTotal());
                    say("It could not finish (" + verification.failure() + "). This says nothing about the chain; start another.");
                }
            }
        }

        private void completed(String title, ChainVerificationView verification) {
            String finished = ", finished " + Formats.time(verification.finishedAt());
            if (Boolean.TRUE.equals(verification.intact())) {
                finished(title, verification.eventsChecked() + " events checked" + finished, "Intact", VaadinIcon.CHECK, BadgeVariant.SUCCESS);
                finding.setVisible(false);
            } else {
                finished(title, verification.eventsChecked() + " of " + verification.eventsTotal() + " events checked before the broken link" + finished,
                        "Broken", VaadinIcon.WARNING, BadgeVariant.ERROR);
                say("The first broken link is event " + verification.firstBrokenEventId() + ": " + verification.brokenLink() + ".");
            }
        }

        private void say(String text) {
            finding.setText(text);
            finding.setVisible(true);
        }
    }
}
