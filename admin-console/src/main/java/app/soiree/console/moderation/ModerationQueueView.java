package app.soiree.console.moderation;

import app.soiree.api.report.FindReports;
import app.soiree.api.report.ReportPage;
import app.soiree.api.report.ReportStatus;
import app.soiree.api.report.ReportSummary;
import app.soiree.api.report.ReportTargetType;
import app.soiree.console.layout.InSection;
import app.soiree.console.layout.MenuSection;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.KeysetPager;
import app.soiree.console.platform.StaffQueries;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Support's one queue of what members reported (users, gatherings and chat messages), newest first (the query side
 * sorts), the open ones unless another status is chosen, of every kind unless one is. The query side announces no
 * updates of reports, so the queue reads again on Refresh and whenever it is opened; a report's page follows its own
 * actions until the read side has them.
 */
@Route("moderation")
@PageTitle("Moderation · Soiree console")
@Menu(order = 250, title = "Moderation")
@InSection(MenuSection.SUPPORT)
@RolesAllowed("SUPPORT")
public class ModerationQueueView extends VerticalLayout {

    static final int PAGE_SIZE = 50;
    static final ReportStatus DEFAULT_STATUS = ReportStatus.OPEN;
    /** A message is up to 4,000 characters; the queue shows its start, the report's page all of it. */
    static final int SHOWN_TEXT_CHARS = 140;

    private final StaffQueries queries;
    final Select<@Nullable ReportStatus> status = new Select<>();
    final Select<@Nullable ReportTargetType> targetType = new Select<>();
    final Button refresh = new Button("Refresh");
    final Grid<ReportSummary> reports = new Grid<>();
    private final KeysetPager<ReportSummary> pager;

    public ModerationQueueView(StaffQueries queries) {
        this.queries = queries;
        this.pager = new KeysetPager<>(PAGE_SIZE, this::page);
        addClassName("console-view");
        setSizeFull();
        configureFilters();
        configureGrid();
        HorizontalLayout bar = new HorizontalLayout(status, targetType, refresh);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Moderation"), new Paragraph("What members reported (users, gatherings and chat messages), newest first. Times are "
                + "UTC. Open a report to judge it: a message among those around it, to delete it or ban its sender from the "
                + "conversation; a user or gathering, to dismiss or resolve the report with a note."), bar, reports);
        setFlexGrow(1, reports);
    }

    private void configureFilters() {
        status.setLabel("Status");
        status.setItems(ReportStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("All");
        status.setItemLabelGenerator(chosen -> chosen == null ? "All" : chosen.name().toLowerCase(Locale.ROOT));
        status.setValue(DEFAULT_STATUS);
        status.addValueChangeListener(changed -> reload());
        targetType.setLabel("Type");
        targetType.setItems(ReportTargetType.values());
        targetType.setEmptySelectionAllowed(true);
        targetType.setEmptySelectionCaption("All");
        targetType.setItemLabelGenerator(chosen -> chosen == null ? "All" : ReportLabels.type(chosen));
        targetType.addValueChangeListener(changed -> reload());
        refresh.addClickListener(click -> reload());
    }

    private void configureGrid() {
        reports.addColumn(report -> Formats.time(report.reportedAt())).setHeader("Reported").setAutoWidth(true).setFlexGrow(0);
        reports.addColumn(report -> ReportLabels.type(report.targetType())).setHeader("Type").setAutoWidth(true).setFlexGrow(0);
        reports.addColumn(report -> abbreviated(ReportLabels.target(report))).setHeader("What").setFlexGrow(1);
        reports.addComponentColumn(report -> ReportLabels.person(report.subjectId(), report.subjectName())).setHeader("About")
                .setAutoWidth(true);
        reports.addColumn(report -> report.message() == null ? "" : ReportLabels.conversation(report.message())).setHeader("Conversation")
                .setAutoWidth(true);
        reports.addComponentColumn(report -> ReportLabels.person(report.reportedBy(), report.reporterName())).setHeader("Reporter")
                .setAutoWidth(true);
        reports.addColumn(report -> ReportLabels.reason(report.reason())).setHeader("Reason").setAutoWidth(true).setFlexGrow(0);
        reports.addColumn(report -> report.note() == null ? "" : abbreviated(report.note())).setHeader("Note").setAutoWidth(true);
        reports.addColumn(ReportLabels::status).setHeader("Status").setAutoWidth(true);
        reports.addComponentColumn(ModerationQueueView::openLink).setHeader("").setAutoWidth(true).setFlexGrow(0);
        reports.addThemeVariants(GridVariant.ROW_STRIPES);
        reports.setPageSize(PAGE_SIZE);
        reports.setItems(pager::fetch);
        reports.setWidthFull();
        reports.setMinHeight("20em");
    }

    /** A message report opens among its conversation's messages; a user or gathering report on its own page. */
    private static RouterLink openLink(ReportSummary report) {
        RouteParameters id = new RouteParameters(ReportDetailView.ID_PARAMETER, report.reportId().toString());
        return report.targetType() == ReportTargetType.MESSAGE ? new RouterLink("Open", ReportDetailView.class, id)
                : new RouterLink("Open", TargetReportView.class, new RouteParameters(TargetReportView.ID_PARAMETER, report.reportId().toString()));
    }

    static String abbreviated(String text) {
        return text.length() <= SHOWN_TEXT_CHARS ? text : text.substring(0, SHOWN_TEXT_CHARS - 1) + "…";
    }

    private KeysetPager.Page<ReportSummary> page(@Nullable String cursor) {
        ReportPage page = queries.ask(new FindReports(status.getValue(), targetType.getValue(), PAGE_SIZE, cursor), ReportPage.class);
        return page == null ? new KeysetPager.Page<>(List.of(), null) : new KeysetPager.Page<>(page.items(), page.nextCursor());
    }

    /** Reads the queue again from its first page: after a filter changed, or on Refresh. */
    void reload() {
        pager.reset();
        reports.getDataProvider().refreshAll();
    }
}
