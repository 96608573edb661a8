package app.soiree.console.moderation;

import app.soiree.api.chat.FindMessageReport;
import app.soiree.api.chat.MessageReportView;
import app.soiree.api.report.FindReport;
import app.soiree.api.report.ReportId;
import app.soiree.api.report.ReportSummary;
import app.soiree.api.report.ReportTargetType;
import app.soiree.console.lookup.AuditTimelineView;
import app.soiree.console.platform.LiveUpdates;
import app.soiree.console.platform.SignedInStaff;
import app.soiree.console.platform.StaffCommands;
import app.soiree.console.platform.StaffQueries;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParam;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One report: the reported message highlighted among the messages around it, who reported it and why, and who wrote
 * it where. Support deletes the message or bans its sender from the conversation, each after a confirmation; the page
 * then follows the read side until it shows the report handled (the projection may lag), and Refresh reads it again.
 */
@Route("moderation/:" + ReportDetailView.ID_PARAMETER)
@PageTitle("Report · Soiree console")
@RolesAllowed("SUPPORT")
public class ReportDetailView extends VerticalLayout implements BeforeEnterObserver {

    static final String ID_PARAMETER = "reportId";

    private final StaffQueries queries;
    private final LiveUpdates liveUpdates;
    final H2 title = new H2("Report");
    final Span status = new Span();
    final Button refresh = new Button("Refresh");
    final HorizontalLayout links = new HorizontalLayout();
    final ReportFacts facts = new ReportFacts();
    final H3 contextHeading = new H3("In the conversation");
    final ConversationContext context = new ConversationContext();
    final ModerationActions actions;
    private @Nullable UUID reportId;
    private @Nullable Registration awaitingProjection;

    public ReportDetailView(StaffCommands commands, StaffQueries queries, LiveUpdates liveUpdates, SignedInStaff signedIn, Clock clock) {
        this.queries = queries;
        this.liveUpdates = liveUpdates;
        this.actions = new ModerationActions(commands, signedIn, clock, this::reload, this::showOnceProjected);
        addClassName("console-view");
        status.addClassName("report-status");
        refresh.addClickListener(click -> reload());
        HorizontalLayout heading = new HorizontalLayout(title, status, refresh);
        heading.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(heading, links, facts, contextHeading, context, actions);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reportId = event.getRouteParameters().get(ID_PARAMETER).flatMap(ReportDetailView::uuid).orElse(null);
        stopAwaiting();
        actions.clear();
        MessageReportView view = read();
        if (view == null && reportId != null && isOfUserOrGathering(reportId)) {
            event.forwardTo(TargetReportView.class, new RouteParameters(TargetReportView.ID_PARAMETER, reportId.toString()));
            return;
        }
        show(view);
    }

    /** A link to a user or gathering report by this page's address (the queue's before those had a page) finds its page. */
    private boolean isOfUserOrGathering(UUID id) {
        ReportSummary report = queries.ask(new FindReport(new ReportId(id)), ReportSummary.class);
        return report != null && report.targetType() != ReportTargetType.MESSAGE;
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopAwaiting();
        super.onDetach(detachEvent);
    }

    void reload() {
        show(read());
    }

    private @Nullable MessageReportView read() {
        UUID id = reportId;
        return id == null ? null : queries.ask(new FindMessageReport(id), MessageReportView.class);
    }

    private void show(@Nullable MessageReportView view) {
        links.removeAll();
        if (view == null) {
            title.setText("Report");
            status.setText("");
            facts.notFound();
            context.clear();
            contextHeading.setVisible(false);
        } else {
            title.setText("Report of a message by " + ReportLabels.name(view.report().authorId(), view.report().authorName()));
            status.setText(ReportLabels.status(view.report()));
            facts.show(view.report());
            contextHeading.setVisible(true);
            context.show(view);
            links.add(new RouterLink("Conversation's audit trail", AuditTimelineView.class, new RouteParameters(
                    new RouteParam(AuditTimelineView.TYPE_PARAMETER, "Conversation"),
                    new RouteParam(AuditTimelineView.ID_PARAMETER, view.report().conversationId().toString()))));
        }
        links.add(new RouterLink("Back to the queue", ModerationQueueView.class));
        actions.show(view);
    }

    /** The read side follows the events a moment later; show the report again once it has the change. */
    private void showOnceProjected(Predicate<MessageReportView> changed) {
        UUID id = reportId;
        if (id == null) {
            throw new IllegalStateException("No report is shown");
        }
        stopAwaiting();
        awaitingProjection = liveUpdates.showOnceProjected(this, () -> queries.ask(new FindMessageReport(id), MessageReportView.class),
                changed, this::show);
    }

    private void stopAwaiting() {
        if (awaitingProjection != null) {
            awaitingProjection.remove();
            awaitingProjection = null;
        }
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
