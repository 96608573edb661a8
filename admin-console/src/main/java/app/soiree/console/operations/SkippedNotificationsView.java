package app.soiree.console.operations;

import app.soiree.api.notification.FindSkippedNotificationEvents;
import app.soiree.api.notification.SkippedNotificationEvents;
import app.soiree.api.notification.SkippedNotificationEvents.Skipped;
import app.soiree.console.layout.InSection;
import app.soiree.console.layout.MenuSection;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.StaffQueries;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Events the notification processors gave up on, newest first. Each failed the same way on every try, so it was written
 * down and skipped rather than left to hold up every notification behind it: what it would have told (a booking
 * confirmed, a delivery due) was not told. Support reads here what to follow up by hand and what to report as a
 * defect; the full error is in the server's log, under the event's id.
 */
@Route("operations/skipped-notifications")
@PageTitle("Skipped notifications · Soiree console")
@Menu(order = 151, title = "Skipped notifications")
@InSection(MenuSection.SUPPORT)
@RolesAllowed("SUPPORT")
public class SkippedNotificationsView extends VerticalLayout {

    static final int SHOWN = FindSkippedNotificationEvents.MAX_LIMIT;

    private final StaffQueries queries;
    final Button refresh = new Button("Refresh");
    final Span summary = new Span();
    final Grid<Skipped> skipped = new Grid<>();

    public SkippedNotificationsView(StaffQueries queries) {
        this.queries = queries;
        addClassName("console-view");
        setSizeFull();
        configureGrid();
        refresh.addClickListener(click -> reload());
        HorizontalLayout bar = new HorizontalLayout(refresh, summary);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Skipped notifications"),
                new Paragraph("Events a notification processor gave up on after failing the same way on every try, newest first; "
                        + "times are UTC. What they would have told was not told: follow up by hand where it matters. "
                        + "The full error is in the server's log under the event's id."),
                bar, skipped);
        setFlexGrow(1, skipped);
        reload();
    }

    private void configureGrid() {
        skipped.addColumn(event -> Formats.time(event.skippedAt())).setHeader("Skipped").setAutoWidth(true).setFlexGrow(0);
        skipped.addColumn(Skipped::processingGroup).setHeader("Processor").setAutoWidth(true);
        skipped.addColumn(event -> ParkedEventsView.simpleName(event.eventType())).setHeader("Event").setAutoWidth(true);
        skipped.addColumn(Skipped::eventId).setHeader("Event id").setAutoWidth(true);
        skipped.addColumn(Skipped::failures).setHeader("Failures").setAutoWidth(true);
        skipped.addColumn(event -> ParkedEventsView.shortened(event.error())).setHeader("Last error").setFlexGrow(1);
        skipped.setWidthFull();
        skipped.setMinHeight("20em");
    }

    void reload() {
        SkippedNotificationEvents found = queries.ask(new FindSkippedNotificationEvents(SHOWN), SkippedNotificationEvents.class);
        List<Skipped> items = found == null ? List.of() : found.items();
        long total = found == null ? 0 : found.total();
        skipped.setItems(items);
        summary.setText(total == 0 ? "Nothing was skipped."
                : total > items.size() ? "The newest " + items.size() + " of " + total + " skipped events." : total + " skipped event(s).");
    }
}
