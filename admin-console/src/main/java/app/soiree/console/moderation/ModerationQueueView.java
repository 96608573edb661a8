package app.soiree.console.moderation;

import app.soiree.api.chat.FindMessageReports;
import app.soiree.api.chat.MessageReportPage;
import app.soiree.api.chat.MessageReportStatus;
import app.soiree.api.chat.MessageReportSummary;
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
 * Support's queue of chat messages that members reported, newest first (the query side sorts), the open ones unless
 * another status is chosen. The query side announces no updates of reports, so the queue reads again on Refresh and
 * whenever it is opened; a report's page follows its own actions until the read side has them.
 */
@Route("moderation")
@PageTitle("Moderation · Soiree console")
@Menu(order = 250, title = "Moderation")
@InSection(MenuSection.SUPPORT)
@RolesAllowed("SUPPORT")
public class ModerationQueueView extends VerticalLayout {

    static final int PAGE_SIZE = 50;
    static final MessageReportStatus DEFAULT_STATUS = MessageReportStatus.OPEN;
    /** A message is up to 4,000 characters; the queue shows its start, the report's page all of it. */
    static final int SHOWN_TEXT_CHARS = 140;

    private final StaffQueries queries;
    final Select<@Nullable MessageReportStatus> status = new Select<>();
    final Button refresh = new Button("Refresh");
    final Grid<MessageReportSummary> reports = new Grid<>();
    private final KeysetPager<MessageReportSummary> pager;

    public ModerationQueueView(StaffQueries queries) {
        this.queries = queries;
        this.pager = new KeysetPager<>(PAGE_SIZE, this::page);
        addClassName("console-view");
        setSizeFull();
        configureFilter();
        configureGrid();
        HorizontalLayout bar = new HorizontalLayout(status, refresh);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Moderation"), new Paragraph("Chat messages members reported, newest first. Times are UTC. Open a report to "
                + "read the message among those around it, and to delete it or ban its sender from the conversation."), bar, reports);
        setFlexGrow(1, reports);
    }

    private void configureFilter() {
        status.setLabel("Status");
        status.setItems(MessageReportStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("All");
        status.setItemLabelGenerator(chosen -> chosen == null ? "All" : chosen.name().toLowerCase(Locale.ROOT));
        status.setValue(DEFAULT_STATUS);
        status.addValueChangeListener(changed -> reload());
        refresh.addClickListener(click -> reload());
    }

    private void configureGrid() {
        reports.addColumn(report -> Formats.time(report.reportedAt())).setHeader("Reported").setAutoWidth(true).setFlexGrow(0);
        reports.addColumn(report -> abbreviated(ReportLabels.message(report))).setHeader("Message").setFlexGrow(1);
        reports.addComponentColumn(report -> ReportLabels.person(report.authorId(), report.authorName())).setHeader("Sender")
                .setAutoWidth(true);
        reports.addColumn(ReportLabels::conversation).setHeader("Conversation").setAutoWidth(true);
        reports.addComponentColumn(report -> ReportLabels.person(report.reportedBy(), report.reporterName())).setHeader("Reporter")
                .setAutoWidth(true);
        reports.addColumn(report -> ReportLabels.reason(report.reason())).setHeader("Reason").setAutoWidth(true).setFlexGrow(0);
        reports.addColumn(report -> report.note() == null ? "" : abbreviated(report.note())).setHeader("Note").setAutoWidth(true);
        reports.addColumn(ReportLabels::status).setHeader("Status").setAutoWidth(true);
        reports.addComponentColumn(report -> new RouterLink("Open", ReportDetailView.class,
                new RouteParameters(ReportDetailView.ID_PARAMETER, report.reportId().toString()))).setHeader("").setAutoWidth(true)
                .setFlexGrow(0);
        reports.addThemeVariants(GridVariant.ROW_STRIPES);
        reports.setPageSize(PAGE_SIZE);
        reports.setItems(pager::fetch);
        reports.setWidthFull();
        reports.setMinHeight("20em");
    }

    static String abbreviated(String text) {
        return text.length() <= SHOWN_TEXT_CHARS ? text : text.substring(0, SHOWN_TEXT_CHARS - 1) + "…";
    }

    private KeysetPager.Page<MessageReportSummary> page(@Nullable String cursor) {
        MessageReportPage page = queries.ask(new FindMessageReports(status.getValue(), PAGE_SIZE, cursor), MessageReportPage.class);
        return page == null ? new KeysetPager.Page<>(List.of(), null) : new KeysetPager.Page<>(page.items(), page.nextCursor());
    }

    /** Reads the queue again from its first page: after the filter changed, or on Refresh. */
    void reload() {
        pager.reset();
        reports.getDataProvider().refreshAll();
    }
}
