package app.soiree.console.ledger;

import app.soiree.api.RandomUuids;
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
import java.util.UUID;
import java.util.function.Supplier;
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

    private final StaffCommands commands;
    private final StaffQueries queries;
    private final LiveUpdates liveUpdates;
    private final SignedInStaff signedIn;

    final Button start = new Button("Start replay", VaadinIcon.PLAY.create());
    final Paragraph unavailable = new Paragraph();
    final ReplayPanel panel = new ReplayPanel();
    final Grid<LedgerReplayView> recent = new Grid<>();

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
        UUID replayId = RandomUuids.next();
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
        panel.follow(replayId, liveUpdates, () -> queries.ask(new FindLedgerReplay(replayId), LedgerReplayView.class), this::loadRecent);
    }

    static String outcome(LedgerReplayView replay) {
        if (replay.matches() == null) {
            return FAILED.equals(replay.status()) ? "failed" : "";
        }
        return replay.matches() ? "matches" : replay.differences().size() + " differences";
    }

    /** One replay: its progress while it runs, then match or differences and the digest. */
    static final class ReplayPanel extends RunProgress {

        final Span digest = new Span();
        final Grid<BalanceDifference> differences = new Grid<>();

        ReplayPanel() {
            digest.addClassName("mono");
            differences.addColumn(BalanceDifference::account).setHeader("Account").setAutoWidth(true).setFlexGrow(1);
            differences.addColumn(BalanceDifference::currency).setHeader("Currency").setAutoWidth(true);
            differences.addColumn(difference -> Formats.money(difference.live())).setHeader("Live balance").setAutoWidth(true);
            differences.addColumn(difference -> Formats.money(difference.replayed())).setHeader("Replayed balance").setAutoWidth(true);
            differences.setAllRowsVisible(true);
            add(digest, differences);
        }

        void follow(UUID replayId, LiveUpdates liveUpdates, Supplier<@Nullable LedgerReplayView> read, Runnable whenFinished) {
            digest.setText("");
            differences.setVisible(false);
            follow("Replay " + replayId, liveUpdates, read, this::show, replay -> !RUNNING.equals(replay.status()), whenFinished);
        }

        private void show(LedgerReplayView replay) {
            String title = "Replay started " + Formats.time(replay.startedAt()) + " by " + replay.requestedBy();
            switch (replay.status()) {
                case RUNNING -> running(title, replay.eventsProcessed(), replay.eventsTotal());
                case COMPLETED -> completed(title, replay);
                default -> failed(title, replay.eventsProcessed(), replay.eventsTotal());
            }
        }

        private void completed(String title, LedgerReplayView replay) {
            String counts = replay.eventsProcessed() + " events replayed, finished " + Formats.time(replay.finishedAt());
            digest.setText(replay.digest() == null ? "" : "Digest of the replayed balances: " + replay.digest());
            if (Boolean.TRUE.equals(replay.matches())) {
                finished(title, counts, "Matches the live ledger", VaadinIcon.CHECK, BadgeVariant.SUCCESS);
                differences.setVisible(false);
            } else {
                finished(title, counts, replay.differences().size() + " balances differ", VaadinIcon.WARNING, BadgeVariant.ERROR);
                differences.setItems(replay.differences());
                differences.setVisible(true);
            }
        }
    }
}
