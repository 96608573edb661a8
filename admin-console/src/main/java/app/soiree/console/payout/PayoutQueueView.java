package app.soiree.console.payout;

import app.soiree.api.payout.FindPayouts;
import app.soiree.api.payout.PayoutPage;
import app.soiree.api.payout.PayoutStatus;
import app.soiree.api.payout.PayoutView;
import app.soiree.console.layout.InSection;
import app.soiree.console.layout.MenuSection;
import app.soiree.console.lookup.LookupView;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.KeysetPager;
import app.soiree.console.platform.Links;
import app.soiree.console.platform.QuerySubscriptions;
import app.soiree.console.platform.StaffQueries;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
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
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The payouts finance has to decide on, oldest request first, as the queue is worked from the front.
 * It shows those awaiting approval unless another status is chosen, and refreshes itself when the
 * query side reports a payout entering or leaving the chosen status, so two people working the queue
 * see each other's decisions without a reload.
 */
@Route("payouts")
@PageTitle("Payouts · Soiree console")
@Menu(order = 300, title = "Payouts")
@InSection(MenuSection.FINANCE)
@RolesAllowed("FINANCE")
public class PayoutQueueView extends VerticalLayout {

    static final int PAGE_SIZE = 50;
    static final PayoutStatus DEFAULT_STATUS = PayoutStatus.PENDING_APPROVAL;

    private final StaffQueries queries;
    private final QuerySubscriptions subscriptions;
    private final StaffNames names;
    final Select<@Nullable PayoutStatus> status = new Select<>();
    final Button refresh = new Button("Refresh");
    final Grid<PayoutView> payouts = new Grid<>();
    private final KeysetPager<PayoutView> pager;
    private @Nullable Registration following;

    public PayoutQueueView(StaffQueries queries, QuerySubscriptions subscriptions) {
        this.queries = queries;
        this.subscriptions = subscriptions;
        this.names = new StaffNames(queries);
        this.pager = new KeysetPager<>(PAGE_SIZE, this::page);
        addClassName("console-view");
        setSizeFull();
        configureFilter();
        configureGrid();
        HorizontalLayout bar = new HorizontalLayout(status, refresh);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Payouts"), new Paragraph("Oldest request first. Times are UTC. The list follows changes by itself; open a "
                + "payout to see its host's wallet, history and risk hints, and to decide on it."), bar, payouts);
        setFlexGrow(1, payouts);
    }

    private void configureFilter() {
        status.setLabel("Status");
        status.setItems(PayoutStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("All");
        status.setItemLabelGenerator(chosen -> chosen == null ? "All" : label(chosen));
        status.setValue(DEFAULT_STATUS);
        status.addValueChangeListener(changed -> {
            reload();
            if (isAttached()) {
                follow();
            }
        });
        refresh.addClickListener(click -> reload());
    }

    private void configureGrid() {
        payouts.addColumn(payout -> Formats.time(payout.requestedAt())).setHeader("Requested").setAutoWidth(true).setFlexGrow(0);
        payouts.addComponentColumn(payout -> Links.withQuery(names.of(payout.hostId()), LookupView.class, "q", payout.hostId().toString()))
                .setHeader("Host").setAutoWidth(true);
        payouts.addColumn(payout -> Formats.money(payout.amount())).setHeader("Amount").setAutoWidth(true);
        payouts.addColumn(payout -> Approvals.progress(payout, names::of)).setHeader("Approvals").setAutoWidth(true);
        payouts.addColumn(payout -> label(payout.status())).setHeader("Status").setAutoWidth(true);
        payouts.addColumn(payout -> payout.needsAttention() ? "needs attention" : "").setHeader("Attention").setAutoWidth(true);
        payouts.addComponentColumn(payout -> new RouterLink("Open", PayoutDetailsView.class,
                new RouteParameters(PayoutDetailsView.ID_PARAMETER, payout.payoutId().toString()))).setHeader("").setAutoWidth(true);
        payouts.setPageSize(PAGE_SIZE);
        payouts.setItems(pager::fetch);
        payouts.setWidthFull();
        payouts.setMinHeight("20em");
    }

    private KeysetPager.Page<PayoutView> page(@Nullable String cursor) {
        PayoutPage page = queries.ask(new FindPayouts(status.getValue(), cursor, PAGE_SIZE), PayoutPage.class);
        return page == null ? new KeysetPager.Page<>(List.of(), null) : new KeysetPager.Page<>(page.items(), page.nextCursor());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        follow();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopFollowing();
        super.onDetach(detachEvent);
    }

    /** One subscription, to the status on screen: a change of filter replaces it. */
    private void follow() {
        stopFollowing();
        following = subscriptions.refreshOnUpdates(this, new FindPayouts(status.getValue(), null, 1), PayoutPage.class, PayoutView.class,
                this::reload);
    }

    private void stopFollowing() {
        if (following != null) {
            following.remove();
            following = null;
        }
    }

    /** Cheap: the grid asks again for the rows it shows, nothing more. */
    void reload() {
        pager.reset();
        payouts.getDataProvider().refreshAll();
    }

    static String label(PayoutStatus status) {
        return switch (status) {
            case REQUESTED -> "requested";
            case PENDING_APPROVAL -> "awaiting approval";
            case APPROVED -> "approved";
            case PAID -> "paid";
            case FAILED -> "failed";
            case REJECTED -> "rejected";
        };
    }
}
