package app.soiree.console.dispute;

import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.DisputeSummary;
import app.soiree.api.dispute.DisputeView;
import app.soiree.api.dispute.FindDispute;
import app.soiree.console.lookup.AuditTimelineView;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.LiveUpdates;
import app.soiree.console.platform.QuerySubscriptions;
import app.soiree.console.platform.SignedInStaff;
import app.soiree.console.platform.StaffCommands;
import app.soiree.console.platform.StaffQueries;
import app.soiree.store.ObjectStore;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.RouteParam;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
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

    private final StaffQueries queries;
    private final LiveUpdates liveUpdates;
    private final QuerySubscriptions subscriptions;
    final H2 title = new H2("Dispute");
    final Span status = new Span();
    final DisputeFacts facts = new DisputeFacts();
    final HorizontalLayout links = new HorizontalLayout();
    final EvidenceList evidence;
    final Grid<DisputeView.TimelineEntry> timeline = new Grid<>();
    final DisputeAnswer actions;
    private @Nullable DisputeId disputeId;
    private @Nullable Registration followingUpdates;

    public DisputeDetailView(StaffCommands commands, StaffQueries queries, LiveUpdates liveUpdates, QuerySubscriptions subscriptions,
                             SignedInStaff signedIn, ObjectStore store) {
        this.queries = queries;
        this.liveUpdates = liveUpdates;
        this.subscriptions = subscriptions;
        this.evidence = new EvidenceList(queries, store);
        this.actions = new DisputeAnswer(commands, signedIn, store, this::reload, this::showOnceProjected);
        addClassName("console-view");
        configureTimeline();
        status.addClassName("dispute-status");
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

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        disputeId = event.getRouteParameters().get(ID_PARAMETER).flatMap(DisputeDetailView::uuid).map(DisputeId::new).orElse(null);
        actions.clear();
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
        links.removeAll();
        if (dispute == null) {
            title.setText("Dispute");
            status.setText("");
            facts.notFound();
            evidence.removeAll();
            timeline.setItems(List.of());
        } else {
            title.setText("Dispute of " + Formats.money(dispute.amount()));
            status.setText(dispute.status().name() + (dispute.overdue() ? " · OVERDUE" : ""));
            DisputeQueueView.markOverdue(status, dispute.overdue());
            facts.show(dispute);
            showLinks(dispute);
            evidence.show(dispute);
            timeline.setItems(dispute.timeline());
        }
        actions.show(dispute);
    }

    private void showLinks(DisputeView dispute) {
        links.add(new RouterLink("Dispute timeline (audit)", AuditTimelineView.class, new RouteParameters(
                new RouteParam(AuditTimelineView.TYPE_PARAMETER, "Dispute"),
                new RouteParam(AuditTimelineView.ID_PARAMETER, dispute.disputeId().toString()))),
                new RouterLink("Back to the queue", DisputeQueueView.class));
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

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
