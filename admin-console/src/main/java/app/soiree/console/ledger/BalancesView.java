package app.soiree.console.ledger;

import app.soiree.api.ledger.AccountBalanceView;
import app.soiree.api.ledger.FindTrialBalancePage;
import app.soiree.api.ledger.TrialBalancePage;
import app.soiree.api.ledger.TrialBalancePage.CurrencyTotal;
import app.soiree.console.layout.InSection;
import app.soiree.console.layout.MenuSection;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.KeysetPager;
import app.soiree.console.platform.Links;
import app.soiree.console.platform.StaffQueries;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Every account's debits, credits and balance as of any moment, and whether they balance: in double
 * entry the balances of each currency sum to zero, so anything else is a fault to investigate at once.
 *
 * <p>There are four accounts per host, so the grid pages through them as it scrolls; the verdict and
 * the totals per currency come with every page, summed by the ledger over all accounts.
 */
@Route("ledger/trial-balance")
@PageTitle("Trial balance · Soiree console")
@Menu(order = 200, title = "Trial balance")
@InSection(MenuSection.FINANCE)
@RolesAllowed("FINANCE")
public class BalancesView extends VerticalLayout {

    static final int PAGE_SIZE = 50;

    private final StaffQueries queries;
    final DateTimePicker asOf = new DateTimePicker("As of (UTC)");
    final Button now = new Button("Now");
    final TextField accountFilter = new TextField("Accounts containing");
    final Badge indicator = new Badge();
    final Span totals = new Span();
    final Grid<AccountBalanceView> accounts = new Grid<>();
    private final Clock clock;
    private final KeysetPager<AccountBalanceView> pager;
    /** The moment shown; every page is asked as of it, so scrolling never mixes two moments. */
    private Instant shownAsOf;

    public BalancesView(StaffQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
        this.shownAsOf = clock.instant();
        this.pager = new KeysetPager<>(PAGE_SIZE, cursor -> {
            TrialBalancePage page = page(cursor);
            return page == null ? new KeysetPager.Page<>(List.of(), null) : new KeysetPager.Page<>(page.items(), page.nextCursor());
        });
        addClassName("console-view");
        setSizeFull();
        configureFilter();
        configureGrid();
        HorizontalLayout filter = new HorizontalLayout(asOf, now, accountFilter);
        filter.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout status = new HorizontalLayout(indicator, totals);
        status.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        add(new H2("Trial balance"), filter, status, accounts);
        setFlexGrow(1, accounts);
        showNow();
    }

    private void configureFilter() {
        asOf.setStep(java.time.Duration.ofMinutes(1));
        asOf.setHelperText("Postings made up to and including this moment");
        asOf.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                load(Formats.instant(change.getValue()));
            }
        });
        now.addClickListener(click -> showNow());
        accountFilter.setId("account-filter");
        accountFilter.setPlaceholder("host id, platform:…");
        accountFilter.setHelperText("Narrows the list; the totals stay those of the whole ledger");
        accountFilter.setClearButtonVisible(true);
        accountFilter.setMaxLength(200);
        accountFilter.setValueChangeMode(ValueChangeMode.LAZY);
        accountFilter.addValueChangeListener(change -> showAccounts());
    }

    private void configureGrid() {
        accounts.addComponentColumn(account -> Links.withQuery(account.account(), AccountStatementView.class,
                        AccountStatementView.ACCOUNT_PARAMETER, account.account()))
                .setHeader("Account").setAutoWidth(true).setFlexGrow(1);
        accounts.addColumn(AccountBalanceView::currency).setHeader("Currency").setAutoWidth(true);
        accounts.addColumn(account -> Formats.decimal(account.debits())).setHeader("Debits").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        accounts.addColumn(account -> Formats.decimal(account.credits())).setHeader("Credits").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        accounts.addColumn(account -> Formats.decimal(account.balance())).setHeader("Balance").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        accounts.addThemeVariants(GridVariant.ROW_STRIPES);
        accounts.setPageSize(PAGE_SIZE);
        accounts.setItems(pager::fetch);
        accounts.setWidthFull();
    }

    private void showNow() {
        // Up to the end of the current minute, so that a posting made this second is included.
        LocalDateTime endOfMinute = Formats.local(clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(59_999, ChronoUnit.MILLIS));
        if (endOfMinute.equals(asOf.getValue())) {
            load(Formats.instant(endOfMinute));
        } else {
            asOf.setValue(endOfMinute);
        }
    }

    /** Shows the verdict and the totals as of {@code moment}, then lets the grid page through the accounts as of it. */
    private void load(Instant moment) {
        shownAsOf = moment;
        TrialBalancePage first = page(null);
        showAccounts();
        if (first == null) {
            indicator.setText("No answer");
            return;
        }
        indicator.removeThemeVariants(BadgeVariant.SUCCESS, BadgeVariant.ERROR);
        if (first.balanced()) {
            indicator.setText("Balanced");
            indicator.setIcon(VaadinIcon.CHECK.create());
            indicator.addThemeVariants(BadgeVariant.SUCCESS);
        } else {
            indicator.setText("Not balanced");
            indicator.setIcon(VaadinIcon.WARNING.create());
            indicator.addThemeVariants(BadgeVariant.ERROR);
        }
        totals.setText(totalsPerCurrency(first.totals()) + " · as of " + Formats.time(first.asOf()));
    }

    private @Nullable TrialBalancePage page(@Nullable String cursor) {
        return queries.ask(new FindTrialBalancePage(shownAsOf, accountFilter.getValue(), cursor, PAGE_SIZE), TrialBalancePage.class);
    }

    /** Starts the grid again from the first account (containing the filter's text) as of the moment shown. */
    private void showAccounts() {
        pager.reset();
        accounts.getDataProvider().refreshAll();
    }

    /** Debits and credits per currency; equal when the ledger balances. */
    static String totalsPerCurrency(List<CurrencyTotal> totals) {
        if (totals.isEmpty()) {
            return "No postings yet";
        }
        return totals.stream()
                .map(total -> total.currency() + ": debits " + Formats.decimal(total.debits()) + ", credits " + Formats.decimal(total.credits()))
                .collect(Collectors.joining("; "));
    }
}
