package app.soiree.console.lookup;

import app.soiree.api.audit.AuditEventView;
import app.soiree.api.audit.AuditTrailPage;
import app.soiree.api.audit.FindAuditTrail;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.FindUserProfile;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserProfileView;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.KeysetPager;
import app.soiree.console.platform.StaffQueries;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event of one entity, in the order it happened: what, when, who (and with which roles), and the
 * event itself as JSON (click a row). Read straight from the event stream, a page at a time.
 */
@Route("audit/:aggregateType/:aggregateId")
@PageTitle("Audit timeline · Soiree console")
@RolesAllowed({"SUPPORT", "FINANCE"})
public class AuditTimelineView extends VerticalLayout implements BeforeEnterObserver {

    public static final String TYPE_PARAMETER = "aggregateType";
    public static final String ID_PARAMETER = "aggregateId";
    static final int PAGE_SIZE = 50;
    /** Actors shown by name; a page names a handful of people, so a small memory suffices. */
    static final int REMEMBERED_ACTORS = 200;
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final StaffQueries queries;
    final H2 title = new H2("Audit timeline");
    final Paragraph summary = new Paragraph();
    final Grid<AuditEventView> events = new Grid<>();
    private final Map<String, ActorName> actorNames = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ActorName> eldest) {
            return size() > REMEMBERED_ACTORS;
        }
    };
    private String aggregateType = "";
    private @Nullable UUID aggregateId;
    private final KeysetPager<AuditEventView> pager;

    public AuditTimelineView(StaffQueries queries) {
        this.queries = queries;
        this.pager = new KeysetPager<>(PAGE_SIZE, this::page);
        addClassName("console-view");
        setSizeFull();
        configureGrid();
        add(title, summary, events);
        setFlexGrow(1, events);
    }

    private void configureGrid() {
        events.addColumn(AuditEventView::sequence).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        events.addColumn(event -> Formats.time(event.occurredAt())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        events.addColumn(AuditEventView::type).setHeader("Event").setAutoWidth(true).setFlexGrow(0);
        events.addColumn(this::actor).setHeader("Actor").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(event -> actorNames.computeIfAbsent(event.actor(), this::actorName).describe());
        events.addComponentColumn(event -> {
            Span payload = new Span(abbreviated(event.payloadJson()));
            payload.addClassName("mono");
            return payload;
        }).setHeader("Payload (click a row for all of it)").setFlexGrow(1);
        events.setItemDetailsRenderer(new ComponentRenderer<>(event -> {
            Pre payload = new Pre(pretty(event.payloadJson()));
            payload.addClassName("json");
            return payload;
        }));
        events.setDetailsVisibleOnClick(true);
        events.addThemeVariants(GridVariant.ROW_STRIPES);
        events.setPageSize(PAGE_SIZE);
        events.setItems(pager::fetch);
        events.setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        aggregateType = event.getRouteParameters().get(TYPE_PARAMETER).orElse("");
        aggregateId = event.getRouteParameters().get(ID_PARAMETER).flatMap(AuditTimelineView::uuid).orElse(null);
        title.setText(aggregateType + " " + (aggregateId == null ? "" : aggregateId));
        AuditTrailPage first = aggregateId == null ? null
                : queries.ask(new FindAuditTrail(aggregateType, aggregateId, 0, 1), AuditTrailPage.class);
        summary.setText(first == null ? "No " + aggregateType + " with this id has any event."
                : "Every event of this " + first.aggregateType() + ", oldest first. Times are UTC; the actor is who sent the "
                        + "command that caused the event (system: the platform itself).");
        pager.reset();
        events.getDataProvider().refreshAll();
    }

    private KeysetPager.Page<AuditEventView> page(@Nullable String cursor) {
        if (aggregateId == null) {
            return new KeysetPager.Page<>(List.of(), null);
        }
        long from = cursor == null ? 0 : Long.parseLong(cursor);
        AuditTrailPage page = queries.ask(new FindAuditTrail(aggregateType, aggregateId, from, PAGE_SIZE), AuditTrailPage.class);
        if (page == null) {
            return new KeysetPager.Page<>(List.of(), null);
        }
        return new KeysetPager.Page<>(page.events(), page.nextSequence() == null ? null : page.nextSequence().toString());
    }

    /** The actor by name when they are a user the read side knows (email and id in the tooltip), else as recorded ("system"). */
    private String actor(AuditEventView event) {
        String name = actorNames.computeIfAbsent(event.actor(), this::actorName).name();
        return event.actorRoles().isBlank() ? name : name + " (" + event.actorRoles() + ")";
    }

    private ActorName actorName(String actor) {
        return uuid(actor).map(id -> {
            UserProfileView profile = queries.ask(new FindUserProfile(new UserId(id)), UserProfileView.class);
            return profile == null ? new ActorName(actor, actor) : new ActorName(profile.displayName(), profile.email() + " · " + actor);
        }).orElseGet(() -> new ActorName(actor, Actor.SYSTEM.equals(actor) ? "The platform itself (a deadline, start-up)" : actor));
    }

    private record ActorName(String name, String describe) {
    }

    /** The row shows the start of the payload; the details show all of it. */
    static final int ABBREVIATED_LENGTH = 160;

    static String abbreviated(String json) {
        return json.length() <= ABBREVIATED_LENGTH ? json : json.substring(0, ABBREVIATED_LENGTH) + "…";
    }

    static String pretty(String json) {
        try {
            return JSON.writeValueAsString(JSON.readTree(json));
        } catch (JacksonException notJson) {
            return json;
        }
    }

    private static java.util.Optional<UUID> uuid(String text) {
        try {
            return java.util.Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return java.util.Optional.empty();
        }
    }
}
