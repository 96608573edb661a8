package app.soiree.console.dispute;

import app.soiree.api.dispute.DisputePage;
import app.soiree.api.dispute.DisputeStatus;
import app.soiree.api.dispute.DisputeSummary;
import app.soiree.api.dispute.FindDisputes;
import app.soiree.console.layout.InSection;
import app.soiree.console.layout.MenuSection;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.KeysetPager;
import app.soiree.console.platform.QuerySubscriptions;
import app.soiree.console.platform.StaffQueries;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Support's queue of disputes, soonest evidence due date first (the query side sorts), with how many are overdue
 * in plain sight: an overdue dispute is money the platform is about to lose by default. The queue follows the
 * query side's updates while it is on screen, so a dispute that opens or changes shows without a reload.
 */
@Route("disputes")
@PageTitle("Disputes · Soiree console")
@Menu(order = 200, title = "Disputes")
@InSection(MenuSection.SUPPORT)
@RolesAllowed("SUPPORT")
public class DisputeQueueView extends VerticalLayout {

    static final int PAGE_SIZE = 50;
    /** "Due soon": what is still answerable in a working day or two. */
    static final Duration DUE_SOON = Duration.ofHours(48);
    /** Amount filters are minor units; this bounds them to what a card payment can be. */
    static final int MAX_AMOUNT_MINOR = 100_000_000;

    private final StaffQueries queries;
    private final QuerySubscriptions subscriptions;
    final MultiSelectComboBox<DisputeStatus> statuses = new MultiSelectComboBox<>("Status");
    final IntegerField minAmount = new IntegerField("Amount at least (minor units)");
    final IntegerField maxAmount = new IntegerField("Amount at most (minor units)");
    final Checkbox dueSoon = new Checkbox("Due within 48 hours");
    final Span overdue = new Span();
    final Grid<DisputeSummary> disputes = new Grid<>();
    private final KeysetPager<DisputeSummary> pager;

    public DisputeQueueView(StaffQueries queries, QuerySubscriptions subscriptions) {
        this.queries = queries;
        this.subscriptions = subscriptions;
        this.pager = new KeysetPager<>(PAGE_SIZE, this::page);
        addClassName("console-view");
        setSizeFull();
        configureFilters();
        configureGrid();
        overdue.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600");
        HorizontalLayout filters = new HorizontalLayout(statuses, minAmount, maxAmount, dueSoon);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Disputes"), overdue, filters, disputes);
        setFlexGrow(1, disputes);
    }

    private void configureFilters() {
        statuses.setItems(DisputeStatus.values());
        statuses.setPlaceholder("Every status");
        statuses.setWidth("22em");
        for (IntegerField amount : List.of(minAmount, maxAmount)) {
            amount.setMin(0);
            amount.setMax(MAX_AMOUNT_MINOR);
            amount.setPlaceholder("e.g. 2500 = 25.00 EUR");
            amount.setClearButtonVisible(true);
        }
        statuses.addValueChangeListener(changed -> reload());
        minAmount.addValueChangeListener(changed -> reload());
        maxAmount.addValueChangeListener(changed -> reload());
        dueSoon.addValueChangeListener(changed -> reload());
    }

    private void configureGrid() {
        disputes.addComponentColumn(DisputeQueueView::dueBy).setHeader("Evidence due by").setAutoWidth(true).setFlexGrow(0);
        disputes.addColumn(summary -> Formats.money(summary.amount())).setHeader("Amount").setAutoWidth(true).setFlexGrow(0)
                .setPartNameGenerator(summary -> "amount");
        disputes.addColumn(summary -> summary.status().name()).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        disputes.addColumn(summary -> summary.providerStatus().name()).setHeader("Provider status").setAutoWidth(true).setFlexGrow(0);
        disputes.addColumn(DisputeSummary::reason).setHeader("Reason").setAutoWidth(true);
        disputes.addColumn(summary -> Formats.time(summary.openedAt())).setHeader("Opened").setAutoWidth(true).setFlexGrow(0);
        disputes.addComponentColumn(summary -> new RouterLink("Open", DisputeDetailView.class,
                new RouteParameters(DisputeDetailView.ID_PARAMETER, summary.disputeId().toString()))).setHeader("").setAutoWidth(true)
                .setFlexGrow(0);
        disputes.addThemeVariants(GridVariant.ROW_STRIPES);
        disputes.setPageSize(PAGE_SIZE);
        disputes.setItems(pager::fetch);
        disputes.setWidthFull();
    }

    private static Span dueBy(DisputeSummary summary) {
        Span due = new Span(Formats.time(summary.evidenceDueBy()) + (summary.overdue() ? " · OVERDUE" : ""));
        markOverdue(due, summary.overdue());
        return due;
    }

    /** What the filters ask for, from {@code cursor} on. */
    FindDisputes query(@Nullable String cursor, int limit) {
        return new FindDisputes(statuses.getSelectedItems().stream().sorted().toList(), amount(minAmount),
                amount(maxAmount), dueSoon.getValue() ? DUE_SOON : null, cursor, limit);
    }

    private static @Nullable Long amount(IntegerField field) {
        Integer value = field.getValue();
        return value == null || field.isInvalid() ? null : value.longValue();
    }

    private KeysetPager.Page<DisputeSummary> page(@Nullable String cursor) {
        DisputePage page = queries.ask(query(cursor, PAGE_SIZE), DisputePage.class);
        if (page == null) {
            return new KeysetPager.Page<>(List.of(), null);
        }
        if (cursor == null) {
            showOverdue(page.overdueCount());
        }
        return new KeysetPager.Page<>(page.items(), page.nextCursor());
    }

    private void showOverdue(long count) {
        overdue.setText(count == 0 ? "No dispute is overdue." : count + (count == 1 ? " dispute is" : " disputes are")
                + " overdue: their evidence due date passed with nothing submitted.");
        markOverdue(overdue, count > 0);
    }

    /**
     * Overdue shows in the error colour. Styled here rather than in a stylesheet: the console links its one stylesheet
     * from the app shell, and a view's own would need its own exception in the sign-in rules.
     */
    static void markOverdue(Span text, boolean overdue) {
        text.setClassName("overdue", overdue);
        if (overdue) {
            text.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        } else {
            text.getStyle().remove("color");
        }
    }

    /** Reads the queue again from its first page, e.g. after a filter changed or a dispute opened. */
    void reload() {
        pager.reset();
        disputes.getDataProvider().refreshAll();
    }

    /**
     * The subscription's own answer is never used (the pager reads), so it asks for one item. Updates come for every
     * dispute, whatever the filters: reading the first page again is cheap and decides what the filters keep. The
     * subscription closes when the view leaves the screen.
     */
    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        subscriptions.refreshOnUpdates(this, new FindDisputes(List.of(), null, null, null, null, 1), DisputePage.class,
                DisputeSummary.class, this::reload);
    }
}
