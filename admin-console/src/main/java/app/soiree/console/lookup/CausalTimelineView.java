package app.soiree.console.lookup;

import app.soiree.api.audit.CausalTimelinePage;
import app.soiree.api.audit.FindCausalTimeline;
import app.soiree.api.audit.TimelineActorView;
import app.soiree.api.audit.TimelineEventView;
import app.soiree.api.audit.TimelineSubject;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.Ids;
import app.soiree.console.platform.KeysetPager;
import app.soiree.console.platform.StaffQueries;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The whole story of a booking, host, payout, user, gathering or payment as one timeline, across every aggregate it
 * touched, in the order the store holds the events: each event indented under the event that caused it
 * ({@link CausalChain}), with its actor, its cause and the money it moved; click a row for the event as stored.
 * Exports the same story as CSV or JSON.
 */
@Route("story/:subject/:id")
@PageTitle("Causal timeline · Soiree console")
@RolesAllowed({"SUPPORT", "FINANCE"})
public class CausalTimelineView extends VerticalLayout implements BeforeEnterObserver {

    public static final String SUBJECT_PARAMETER = "subject";
    public static final String ID_PARAMETER = "id";
    static final int PAGE_SIZE = 100;
    /** Each step down the chain of causes indents by this much. */
    static final double INDENT_EM = 1.5;

    private final StaffQueries queries;
    final H2 title = new H2("Causal timeline");
    final Paragraph summary = new Paragraph();
    final Anchor exportCsv = new Anchor();
    final Anchor exportJson = new Anchor();
    final Grid<CausalChain.Row> events = new Grid<>();
    private final CausalChain chain = new CausalChain();
    private final KeysetPager<CausalChain.Row> pager;
    private @Nullable TimelineSubject subject;
    private @Nullable UUID id;

    public CausalTimelineView(StaffQueries queries) {
        this.queries = queries;
        this.pager = new KeysetPager<>(PAGE_SIZE, this::page);
        addClassName("console-view");
        setSizeFull();
        configureExports();
        configureGrid();
        add(title, summary, new HorizontalLayout(exportCsv, exportJson), events);
        setFlexGrow(1, events);
    }

    private void configureExports() {
        exportCsv.setText("Export CSV");
        exportCsv.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
        exportJson.setText("Export JSON");
        exportJson.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
    }

    private void configureGrid() {
        events.addColumn(row -> row.event().position()).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        events.addColumn(row -> Formats.time(row.event().occurredAt())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        events.addComponentColumn(CausalTimelineView::eventCell).setHeader("Event, under its cause").setAutoWidth(true).setFlexGrow(0);
        events.addColumn(row -> row.event().aggregateType() + " " + shortId(row.event().aggregateId())).setHeader("Aggregate")
                .setAutoWidth(true).setFlexGrow(0).setTooltipGenerator(row -> row.event().aggregateId());
        events.addColumn(row -> actor(row.event().actor())).setHeader("Actor").setAutoWidth(true).setFlexGrow(0);
        events.addColumn(CausalTimelineView::cause).setHeader("Caused by").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(row -> "cause " + row.event().causationId() + " · chain " + row.event().correlationId());
        events.addColumn(row -> TimelineExport.postings(row.event().postings())).setHeader("Money moved").setFlexGrow(1);
        events.setItemDetailsRenderer(new ComponentRenderer<>(row -> {
            Pre payload = new Pre(AuditTimelineView.pretty(row.event().payloadJson()));
            payload.addClassName("json");
            return new Div(new Span("Event " + row.event().eventId() + " · " + row.event().aggregateType() + " "
                    + row.event().aggregateId() + " #" + row.event().sequence()), payload);
        }));
        events.setDetailsVisibleOnClick(true);
        events.addThemeVariants(GridVariant.ROW_STRIPES);
        events.setPageSize(PAGE_SIZE);
        events.setItems(pager::fetch);
        events.setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        subject = event.getRouteParameters().get(SUBJECT_PARAMETER).flatMap(TimelineSubject::ofPathName).orElse(null);
        id = event.getRouteParameters().get(ID_PARAMETER).flatMap(Ids::uuid).orElse(null);
        String named = (subject == null ? "?" : subject.pathName()) + " " + (id == null ? "" : id);
        title.setText("Story of " + named);
        CausalTimelinePage first = subject == null || id == null ? null
                : queries.ask(new FindCausalTimeline(subject, id, null, 1), CausalTimelinePage.class);
        boolean found = first != null;
        summary.setText(found ? "Every event of this " + subject.pathName() + "'s story across the platform, in the order "
                + "they were stored; each is indented under the event that caused it. Times are UTC."
                : "No event concerns " + named + " (yet: new events take a moment to reach the timeline).");
        exportCsv.setEnabled(found);
        exportJson.setEnabled(found);
        if (found) {
            exportCsv.setHref(new TimelineExport(queries, subject, id, TimelineExport.Format.CSV), AttachmentType.DOWNLOAD);
            exportJson.setHref(new TimelineExport(queries, subject, id, TimelineExport.Format.JSON), AttachmentType.DOWNLOAD);
        }
        chain.reset();
        pager.reset();
        events.getDataProvider().refreshAll();
    }

    private KeysetPager.Page<CausalChain.Row> page(@Nullable String cursor) {
        if (subject == null || id == null) {
            return new KeysetPager.Page<>(List.of(), null);
        }
        if (cursor == null) {
            chain.reset(); // the grid reads the story again from its start
        }
        CausalTimelinePage page = queries.ask(new FindCausalTimeline(subject, id, cursor, PAGE_SIZE), CausalTimelinePage.class);
        if (page == null) {
            return new KeysetPager.Page<>(List.of(), null);
        }
        return new KeysetPager.Page<>(page.items().stream().map(chain::row).toList(), page.nextCursor());
    }

    private static Span eventCell(CausalChain.Row row) {
        Span cell = new Span((row.depth() > 0 ? "↳ " : "") + row.event().type());
        cell.getStyle().set("padding-left", (row.depth() * INDENT_EM) + "em");
        cell.addClassName("causal-depth-" + row.depth());
        return cell;
    }

    static String actor(TimelineActorView actor) {
        return switch (actor.kind()) {
            case USER -> "user " + shortId(String.valueOf(actor.userId())) + (actor.roles() == null ? "" : " (" + actor.roles() + ")");
            case PROVIDER -> "provider " + (actor.provider() == null ? "" : actor.provider());
            case DEADLINE -> "deadline";
            case SYSTEM -> "platform";
        };
    }

    /** What caused the event, and which row of the story that was, when it is one. */
    static String cause(CausalChain.Row row) {
        TimelineEventView event = row.event();
        String type = event.causationType() == null ? "(not recorded)" : event.causationType();
        return row.causePosition() == null ? type : type + " ← #" + row.causePosition();
    }

    static String shortId(String id) {
        return id.length() <= 8 ? id : id.substring(0, 8);
    }
}
