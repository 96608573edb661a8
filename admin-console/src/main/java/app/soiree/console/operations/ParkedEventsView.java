package app.soiree.console.operations;

import app.soiree.api.operations.DropParkedEvent;
import app.soiree.api.operations.FindParkedEvents;
import app.soiree.api.operations.ParkedEventPage;
import app.soiree.api.operations.ParkedEventView;
import app.soiree.api.operations.ParkedRetrySummary;
import app.soiree.api.operations.RetryParkedEvents;
import app.soiree.console.layout.InSection;
import app.soiree.console.layout.MenuSection;
import app.soiree.console.platform.CommandRefused;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.KeysetPager;
import app.soiree.console.platform.Notices;
import app.soiree.console.platform.SignedInStaff;
import app.soiree.console.platform.StaffCommands;
import app.soiree.console.platform.StaffQueries;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Events a projection could not apply, oldest first. Each one holds up only its own aggregate: the
 * later events of that aggregate wait behind it (position 1, 2, ...), everything else goes on.
 * After the cause is fixed (a deploy, data corrected), Retry applies the aggregate's parked events
 * again in order; Drop removes one for good, with a reason that is logged under the staff member's
 * name. Both ask for confirmation.
 * <p>
 * Support and finance: they are the ones who notice what a stalled read model hides (a profile, a
 * gathering, a payment, a refund, a payout), and the parked events feed only what they read. Neither
 * action moves money: the projections are views, and a dropped event can be restored by a replay.
 */
@Route("operations/parked-events")
@PageTitle("Parked events · Soiree console")
@Menu(order = 150, title = "Parked events")
@InSection(MenuSection.SUPPORT)
@RolesAllowed({"SUPPORT", "FINANCE"})
public class ParkedEventsView extends VerticalLayout {

    static final int PAGE_SIZE = 50;
    /** Long stack-trace messages would take the grid over; the full text is in the server's log. */
    static final int ERROR_SHOWN_CHARACTERS = 160;

    private final StaffQueries queries;
    private final StaffCommands commands;
    private final SignedInStaff signedIn;
    final Button refresh = new Button("Refresh");
    final Grid<ParkedEventView> parked = new Grid<>();
    private final KeysetPager<ParkedEventView> pager;

    public ParkedEventsView(StaffQueries queries, StaffCommands commands, SignedInStaff signedIn) {
        this.queries = queries;
        this.commands = commands;
        this.signedIn = signedIn;
        this.pager = new KeysetPager<>(PAGE_SIZE, this::page);
        addClassName("console-view");
        setSizeFull();
        configureGrid();
        refresh.addClickListener(click -> reload());
        add(new H2("Parked events"),
                new Paragraph("Events a projection could not apply, oldest first; times are UTC. Each holds up only its own aggregate: "
                        + "later events of that aggregate wait behind it, everything else goes on. Retry once the cause is fixed."),
                new HorizontalLayout(refresh), parked);
        setFlexGrow(1, parked);
    }

    private void configureGrid() {
        parked.addColumn(event -> Formats.time(event.parkedAt())).setHeader("Parked").setAutoWidth(true).setFlexGrow(0);
        parked.addColumn(ParkedEventView::processingGroup).setHeader("Projection").setAutoWidth(true);
        parked.addColumn(ParkedEventView::sequence).setHeader("Aggregate").setAutoWidth(true);
        parked.addColumn(ParkedEventsView::position).setHeader("Position").setAutoWidth(true);
        parked.addColumn(event -> simpleName(event.eventType())).setHeader("Event").setAutoWidth(true);
        parked.addColumn(ParkedEventsView::error).setHeader("Last error").setFlexGrow(1);
        parked.addColumn(ParkedEventView::retries).setHeader("Retries").setAutoWidth(true);
        parked.addColumn(event -> Formats.time(event.lastTriedAt())).setHeader("Last tried").setAutoWidth(true);
        parked.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        parked.setPageSize(PAGE_SIZE);
        parked.setItems(pager::fetch);
        parked.setWidthFull();
        parked.setMinHeight("20em");
    }

    private HorizontalLayout actions(ParkedEventView event) {
        Button retry = new Button("Retry", click -> confirmRetry(event));
        retry.addThemeVariants(ButtonVariant.SMALL);
        retry.setVisible(event.isHead()); // a sequence is retried from its head, in order
        Button drop = new Button("Drop", click -> confirmDrop(event));
        drop.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR);
        return new HorizontalLayout(retry, drop);
    }

    private KeysetPager.Page<ParkedEventView> page(@Nullable String cursor) {
        ParkedEventPage page = queries.ask(new FindParkedEvents(null, cursor, PAGE_SIZE), ParkedEventPage.class);
        return page == null ? new KeysetPager.Page<>(List.of(), null) : new KeysetPager.Page<>(page.items(), page.nextCursor());
    }

    void confirmRetry(ParkedEventView event) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Retry the parked events of " + event.sequence() + "?");
        confirm.setText("The " + event.processingGroup() + " projection applies them again, in order. Those that apply are removed; "
                + "the first that fails again stays parked with its new error, and so do those after it.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Retry");
        confirm.addConfirmListener(confirmed -> retry(event));
        confirm.open();
    }

    void retry(ParkedEventView event) {
        try {
            ParkedRetrySummary summary = commands.send(new RetryParkedEvents(event.processingGroup(), event.sequence(), requestedBy()),
                    ParkedRetrySummary.class);
            if (summary != null && summary.cleared()) {
                Notices.success("Applied: nothing is parked for " + event.sequence() + " any more.");
            } else {
                Notices.error("Still failing; " + (summary == null ? "?" : summary.stillParked()) + " stay parked. "
                        + (summary == null || summary.error() == null ? "" : shortened(summary.error())));
            }
        } catch (CommandRefused refused) {
            Notices.error(refused.explanation());
        }
        reload();
    }

    void confirmDrop(ParkedEventView event) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Drop this " + simpleName(event.eventType()) + " for good?");
        TextArea reason = new TextArea("Reason (logged with your name)");
        reason.setRequired(true);
        reason.setMaxLength(DropParkedEvent.MAX_REASON_LENGTH);
        reason.setWidthFull();
        confirm.add(new Paragraph("The " + event.processingGroup() + " projection will never apply it. Events parked behind it stay "
                + "parked until retried."), reason);
        confirm.setCancelable(true);
        confirm.setConfirmText("Drop");
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCloseOnEsc(true);
        confirm.addConfirmListener(confirmed -> drop(event, reason.getValue()));
        confirm.open();
    }

    void drop(ParkedEventView event, String reason) {
        if (reason.isBlank()) {
            Notices.error("Say why it is dropped: nothing was dropped.");
            return;
        }
        try {
            commands.send(new DropParkedEvent(event.parkedEventId(), event.processingGroup(), event.sequence(), reason.strip(),
                    requestedBy()));
            Notices.success("Dropped " + simpleName(event.eventType()) + " of " + event.sequence() + ".");
        } catch (CommandRefused refused) {
            Notices.error(refused.explanation());
        }
        reload();
    }

    void reload() {
        pager.reset();
        parked.getDataProvider().refreshAll();
    }

    private String requestedBy() {
        return signedIn.userId().toString();
    }

    static String position(ParkedEventView event) {
        return event.isHead() ? "failed" : "waits (" + event.positionInSequence() + ")";
    }

    static String error(ParkedEventView event) {
        if (event.errorType() == null) {
            return "";
        }
        return shortened(simpleName(event.errorType()) + ": " + event.errorMessage());
    }

    static String shortened(String text) {
        return text.length() <= ERROR_SHOWN_CHARACTERS ? text : text.substring(0, ERROR_SHOWN_CHARACTERS - 1) + "…";
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
