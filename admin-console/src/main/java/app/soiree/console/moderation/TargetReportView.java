package app.soiree.console.moderation;

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
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One report of a user or a gathering: who or what was reported, by whom and why, and support's decision. Support
 * dismisses or resolves it with a note, after a confirmation; the page then follows the read side until it shows the
 * decision (the projection may lag), and Refresh reads it again. A message report has its own page
 * ({@link ReportDetailView}), where the message shows among the others; this page sends there.
 */
@Route("moderation/reports/:" + TargetReportView.ID_PARAMETER)
@PageTitle("Report · Soiree console")
@RolesAllowed("SUPPORT")
public class TargetReportView extends VerticalLayout implements BeforeEnterObserver {

    static final String ID_PARAMETER = "reportId";

    private final StaffQueries queries;
    private final LiveUpdates liveUpdates;
    final H2 title = new H2("Report");
    final Span status = new Span();
    final Button refresh = new Button("Refresh");
    final HorizontalLayout links = new HorizontalLayout();
    final TargetReportFacts facts = new TargetReportFacts();
    final TargetReportActions actions;
    private @Nullable ReportId reportId;
    private @Nullable Registration awaitingProjection;

    public TargetReportView(StaffCommands commands, StaffQueries queries, LiveUpdates liveUpdates, SignedInStaff signedIn) {
        this.queries = queries;
        this.liveUpdates = liveUpdates;
        this.actions = new TargetReportActions(commands, signedIn, this::reload, this::showOnceProjected);
        addClassName("console-view");
        status.addClassName("report-status");
        refresh.addClickListener(click -> reload());
        HorizontalLayout heading = new HorizontalLayout(title, status, refresh);
        heading.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(heading, links, facts, actions);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        reportId = event.getRouteParameters().get(ID_PARAMETER).flatMap(TargetReportView::reportId).orElse(null);
        stopAwaiting();
        actions.clear();
        ReportSummary report = read();
        if (report != null && report.targetType() == ReportTargetType.MESSAGE) {
            event.forwardTo(ReportDetailView.class, new RouteParameters(ReportDetailView.ID_PARAMETER, report.reportId().toString()));
            return;
        }
        show(report);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopAwaiting();
        super.onDetach(detachEvent);
    }

    void reload() {
        show(read());
    }

    private @Nullable ReportSummary read() {
        ReportId id = reportId;
        return id == null ? null : queries.ask(new FindReport(id), ReportSummary.class);
    }

    private void show(@Nullable ReportSummary report) {
        links.removeAll();
        if (report == null || report.targetType() == ReportTargetType.MESSAGE) {
            title.setText("Report");
            status.setText("");
            facts.notFound();
            actions.show(null);
        } else {
            title.setText("Report of " + ReportLabels.type(report.targetType()) + " " + ReportLabels.target(report));
            status.setText(ReportLabels.status(report));
            facts.show(report);
            actions.show(report);
            links.add(new RouterLink("Report's audit trail", AuditTimelineView.class, new RouteParameters(
                    new RouteParam(AuditTimelineView.TYPE_PARAMETER, "Report"),
                    new RouteParam(AuditTimelineView.ID_PARAMETER, report.reportId().toString()))));
        }
        links.add(new RouterLink("Back to the queue", ModerationQueueView.class));
    }

    /** The read side follows the events a moment later; show the report again once it has the decision. */
    private void showOnceProjected(Predicate<ReportSummary> changed) {
        ReportId id = reportId;
        if (id == null) {
            throw new IllegalStateException("No report is shown");
        }
        stopAwaiting();
        awaitingProjection = liveUpdates.showOnceProjected(this, () -> queries.ask(new FindReport(id), ReportSummary.class), changed,
                this::show);
    }

    private void stopAwaiting() {
        if (awaitingProjection != null) {
            awaitingProjection.remove();
            awaitingProjection = null;
        }
    }

    private static Optional<ReportId> reportId(String text) {
        try {
            return Optional.of(new ReportId(UUID.fromString(text)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
