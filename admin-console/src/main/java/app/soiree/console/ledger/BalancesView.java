package app.soiree.console.ledger;

import app.soiree.api.Money;
import app.soiree.api.ledger.AccountBalanceView;
import app.soiree.api.ledger.FindTrialBalance;
import app.soiree.api.ledger.TrialBalanceView;
import app.soiree.console.layout.InSection;
import app.soiree.console.layout.MenuSection;
import app.soiree.console.platform.Formats;
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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Every account's debits, credits and balance as of any moment, and whether they balance: in double
 * entry the balances of each currency sum to zero, so anything else is a fault to investigate at once.
 *
 * <p>The query answers all accounts in one result (four per host): the grid shows that result, it
 * does not load more. Paging the trial balance itself is left to the ledger's query.
 */
@Route("ledger/trial-balance")
@PageTitle("Trial balance · Soiree console")
@Menu(order = 200, title = "Trial balance")
@InSection(MenuSection.FINANCE)
@RolesAllowed("FINANCE")
public class BalancesView extends VerticalLayout {

    private final StaffQueries queries;
    final DateTimePicker asOf = new DateTimePicker("As of (UTC)");
    final Button now = new Button("Now");
    final TextField accountFilter = new TextField("Accounts containing");
    final Badge indicator = new Badge();
    final Span totals = new Span();
    final Grid<AccountBalanceView> accounts = new Grid<>();
    private final Clock clock;
    private @Nullable TrialBalanceView shown;

    public BalancesView(StaffQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
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

    private void load(Instant moment) {
        TrialBalanceView balance = queries.ask(new FindTrialBalance(moment), TrialBalanceView.class);
        show(balance);
    }

    private void show(@Nullable TrialBalanceView balance) {
        shown = balance;
        showAccounts();
        if (balance == null) {
            indicator.setText("No answer");
            return;
        }
        indicator.removeThemeVariants(BadgeVariant.SUCCESS, BadgeVariant.ERROR);
        if (balance.balanced()) {
            indicator.setText("Balanced");
            indicator.setIcon(VaadinIcon.CHECK.create());
            indicator.addThemeVariants(BadgeVariant.SUCCESS);
        } else {
            indicator.setText("Not balanced");
            indicator.setIcon(VaadinIcon.WARNING.create());
            indicator.addThemeVariants(BadgeVariant.ERROR);
        }
        totals.setText(totalsPerCurrency(balance) + " · " + balance.accounts().size() + " account balances as of "
                + Formats.time(balance.asOf()));
    }

    /** The accounts of the balance shown that contain the filter's text; the balanced verdict always covers all of them. */
    private void showAccounts() {
        String wanted = accountFilter.getValue().strip().toLowerCase(Locale.ROOT);
        accounts.setItems(shown == null ? List.of() : shown.accounts().stream()
                .filter(account -> account.account().toLowerCase(Locale.ROOT).contains(wanted))
                .toList());
    }

    /** Debits and credits per currency; equal when the ledger balances. */
    static String totalsPerCurrency(TrialBalanceView balance) {
        Map<String, Money[]> sums = new TreeMap<>();
        for (AccountBalanceView account : balance.accounts()) {
            sums.merge(account.currency(), new Money[] {account.debits(), account.credits()},
                    (sum, more) -> new Money[] {sum[0].plus(more[0]), sum[1].plus(more[1])});
        }
        if (sums.isEmpty()) {
            return "No postings yet";
        }
        StringBuilder text = new StringBuilder();
        sums.forEach((currency, sum) -> {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(currency).append(": debits ").append(Formats.decimal(sum[0])).append(", credits ").append(Formats.decimal(sum[1]));
        });
        return text.toString();
    }
}
