package app.soiree.console.ledger;

import app.soiree.api.ledger.BalanceDifference;
import app.soiree.api.ledger.FindLedgerReplay;
import app.soiree.api.ledger.FindLedgerReplays;
import app.soiree.api.ledger.LedgerReplayPage;
import app.soiree.api.ledger.LedgerReplayView;
import app.soiree.api.ledger.StartLedgerReplay;
import app.soiree.console.layout.InSection;
import app.soiree.console.layout.MenuSection;
import app.soiree.console.platform.CommandRefused;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.LiveUpdates;
import app.soiree.console.platform.Notices;
import app.soiree.console.platform.SignedInStaff;
import app.soiree.console.platform.StaffCommands;
import app.soiree.console.platform.StaffQueries;
import app.soiree.console.platform.StaffQueries.QueryUnavailable;
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
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Replays the event stream into a fresh ledger and compares it with the live one: the check that the
 * journal, balances and wallets really are what the events say. Progress is pushed into the page as
 * the replay runs; at the end it shows a match, or every balance that differs.
 */
@Route("ledger/replays")
@PageTitle("Ledger replays · Soiree console")
@Menu(order = 220, title = "Ledger replays")
@InSection(MenuSection.FINANCE)
@RolesAllowed("FINANCE")
public class ReplaysView extends VerticalLayout {

    static final String RUNNING = "RUNNING";
    static final String COMPLETED = "COMPLETED";
    static final String FAILED = "FAILED";
    static final int RECENT_REPLAYS = 20;
    static final Duration PROGRESS_INTERVAL = Duration.ofMillis(500);
    /** A replay of a very long stream takes long; after this the page stops following and says so. */
    static final Duration FOLLOW_AT_MOST = Duration.ofHours(6);

    private final StaffCommands commands;
    private final StaffQueries queries;
    private final LiveUpdates liveUpdates;
    private final SignedInStaff signedIn;

    final Button start = new Button("Start replay", VaadinIcon.PLAY.create());
    final Paragraph unavailable = new Paragraph();
    final ReplayPanel panel = new ReplayPanel();
    final Grid<LedgerReplayView> recent = new Grid<>();
    private @Nullable Registration following;

    public ReplaysView(StaffCommands commands, StaffQueries queries, LiveUpdates liveUpdates, SignedInStaff signedIn) {
        this.commands = commands;
        this.queries = queries;
        this.liveUpdates = liveUpdates;
        this.signedIn = signedIn;
        addClassName("console-view");
        setSizeFull();
        start.addThemeVariants(ButtonVariant.PRIMARY);
        start.addClickListener(click -> confirmStart());
        unavailable.setVisible(false);
        unavailable.addClassName("coming-later");
        configureRecent();
        add(new H2("Ledger replays"),
                new Paragraph("A replay reads every event from the first one into a fresh ledger and compares the result with the live "
                        + "balances. It runs in the background; you can leave this page and come back."),
                start, unavailable, panel, new H3("Recent replays"), recent);
        setFlexGrow(1, recent);
        loadRecent();
    }

    private void configureRecent() {
        recent.addColumn(replay -> Formats.time(replay.startedAt())).setHeader("Started").setAutoWidth(true);
        recent.addColumn(LedgerReplayView::status).setHeader("Status").setAutoWidth(true);
        recent.addColumn(ReplaysView::outcome).setHeader("Outcome").setAutoWidth(true);
        recent.addColumn(LedgerReplayView::requestedBy).setHeader("Requested by").setAutoWidth(true);
        recent.addColumn(replay -> Formats.time(replay.finishedAt())).setHeader("Finished").setAutoWidth(true);
        recent.setWidthFull();
        recent.asSingleSelect().addValueChangeListener(selected -> {
            if (selected.getValue() != null) {
                follow(selected.getValue().replayId());
            }
        });
    }

    private void loadRecent() {
        try {
            LedgerReplayPage page = queries.ask(new FindLedgerReplays(RECENT_REPLAYS), LedgerReplayPage.class);
            recent.setItems(page == null ? List.of() : page.items());
        } catch (QueryUnavailable notDeployed) {
            recent.setItems(List.of());
            start.setEnabled(false);
            unavailable.setText("Ledger replays are not available on this server: no process here answers for them.");
            unavailable.setVisible(true);
        }
    }

    private void confirmStart() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Replay the ledger?");
        confirm.setText("Every event is read again into a separate ledger and compared with the live one. Live balances are not "
                + "changed. On a long stream this takes a while and adds load to the database.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Start replay");
        confirm.addConfirmListener(confirmed -> startReplay());
        confirm.open();
    }

    void startReplay() {
        UUID replayId = UUID.randomUUID();
        try {
            commands.send(new StartLedgerReplay(replayId, signedIn.userId().toString()));
        } catch (CommandRefused refused) {
            Notices.error(refused.explanation());
            return;
        }
        follow(replayId);
    }

    /** Shows the replay and, while it runs, keeps its progress up to date by push. */
    void follow(UUID replayId) {
        if (following != null) {
            following.remove();
        }
        panel.waitingFor(replayId);
        following = liveUpdates.follow(panel, PROGRESS_INTERVAL, FOLLOW_AT_MOST,
                () -> queries.ask(new FindLedgerReplay(replayId), LedgerReplayView.class),
                replay -> {
                    panel.show(replay);
                    if (replay != null && !RUNNING.equals(replay.status())) {
                        loadRecent();
                    }
                },
                replay -> replay != null && !RUNNING.equals(replay.status()));
    }

    static String outcome(LedgerReplayView replay) {
        if (replay.matches() == null) {
            return FAILED.equals(replay.status()) ? "failed" : "";
        }
        return replay.matches() ? "matches" : replay.differences().size() + " differences";
    }

    /** One replay: its progress while it runs, then match or differences and the digest. */
    static final class ReplayPanel extends VerticalLayout {

        final Span title = new Span();
        final ProgressBar progress = new ProgressBar();
        final Span counts = new Span();
        final Badge result = new Badge();
        final Span digest = new Span();
        final Grid<BalanceDifference> differences = new Grid<>();

        ReplayPanel() {
            setPadding(false);
            setVisible(false);
            digest.addClassName("mono");
            differences.addColumn(BalanceDifference::account).setHeader("Account").setAutoWidth(true).setFlexGrow(1);
            differences.addColumn(BalanceDifference::currency).setHeader("Currency").setAutoWidth(true);
            differences.addColumn(difference -> Formats.money(difference.live())).setHeader("Live balance").setAutoWidth(true);
            differences.addColumn(difference -> Formats.money(difference.replayed())).setHeader("Replayed balance").setAutoWidth(true);
            differences.setAllRowsVisible(true);
            differences.setVisible(false);
            HorizontalLayout status = new HorizontalLayout(result, counts);
            status.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            add(title, progress, status, digest, differences);
        }

        void waitingFor(UUID replayId) {
            setVisible(true);
            title.setText("Replay " + replayId);
            progress.setIndeterminate(true);
            progress.setVisible(true);
            counts.setText("Starting…");
            result.setVisible(false);
            digest.setText("");
            differences.setVisible(false);
        }

        void show(@Nullable LedgerReplayView replay) {
            if (replay == null) {
                return; // not recorded yet: the command was accepted a moment ago
            }
            title.setText("Replay started " + Formats.time(replay.startedAt()) + " by " + replay.requestedBy());
            boolean knowsTotal = replay.eventsTotal() > 0;
            progress.setIndeterminate(!knowsTotal && RUNNING.equals(replay.status()));
            progress.setValue(knowsTotal ? Math.min(1.0, (double) replay.eventsProcessed() / replay.eventsTotal()) : 0.0);
            counts.setText(replay.eventsProcessed() + " of " + (knowsTotal ? replay.eventsTotal() : "?") + " events");
            result.removeThemeVariants(BadgeVariant.SUCCESS, BadgeVariant.ERROR, BadgeVariant.WARNING);
            switch (replay.status()) {
                case RUNNING -> {
                    result.setVisible(true);
                    result.setText("Running");
                    result.setIcon(VaadinIcon.HOURGLASS.create());
                }
                case COMPLETED -> completed(replay);
                default -> {
                    progress.setVisible(false);
                    result.setVisible(true);
                    result.setText("Failed");
                    result.setIcon(VaadinIcon.CLOSE_CIRCLE.create());
                    result.addThemeVariants(BadgeVariant.ERROR);
                }
            }
        }

        private void completed(LedgerReplayView replay) {
            progress.setIndeterminate(false);
            progress.setValue(1.0);
            result.setVisible(true);
            digest.setText(replay.digest() == null ? "" : "Digest of the replayed balances: " + replay.digest());
            if (Boolean.TRUE.equals(replay.matches())) {
                result.setText("Matches the live ledger");
                result.setIcon(VaadinIcon.CHECK.create());
                result.addThemeVariants(BadgeVariant.SUCCESS);
                differences.setVisible(false);
            } else {
                result.setText(replay.differences().size() + " balances differ");
                result.setIcon(VaadinIcon.WARNING.create());
                result.addThemeVariants(BadgeVariant.ERROR);
                differences.setItems(replay.differences());
                differences.setVisible(true);
            }
            counts.setText(replay.eventsProcessed() + " events replayed, finished " + Formats.time(replay.finishedAt()));
        }
    }
}
