package app.soiree.console.ledger;

import app.soiree.api.ledger.FindAccountEntries;
import app.soiree.api.ledger.LedgerEntryPage;
import app.soiree.api.ledger.LedgerEntryView;
import app.soiree.console.layout.InSection;
import app.soiree.console.layout.MenuSection;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.KeysetPager;
import app.soiree.console.platform.StaffQueries;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One account's postings, oldest first, each with the event that made it. The grid pages lazily
 * through the journal by keyset cursor; the export streams the same query into a CSV file.
 */
@Route("ledger/statements")
@PageTitle("Account statement · Soiree console")
@Menu(order = 210, title = "Account statements")
@InSection(MenuSection.FINANCE)
@RolesAllowed("FINANCE")
public class AccountStatementView extends VerticalLayout implements BeforeEnterObserver {

    static final String ACCOUNT_PARAMETER = "account";
    /** Rows per query as the grid scrolls; the query side allows up to 100. */
    static final int PAGE_SIZE = 50;

    private final StaffQueries queries;
    final ComboBox<String> account = new ComboBox<>("Account");
    final DateTimePicker from = new DateTimePicker("From (UTC, inclusive)");
    final DateTimePicker to = new DateTimePicker("To (UTC, exclusive)");
    final Anchor export = new Anchor();
    final Span summary = new Span();
    final Grid<LedgerEntryView> entries = new Grid<>();
    private final KeysetPager<LedgerEntryView> pager;

    public AccountStatementView(StaffQueries queries) {
        this.queries = queries;
        this.pager = new KeysetPager<>(PAGE_SIZE, this::page);
        addClassName("console-view");
        setSizeFull();
        configureFilters();
        configureGrid();
        configureExport();
        HorizontalLayout filters = new HorizontalLayout(account, from, to, export);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H2("Account statement"), filters, summary, entries);
        setFlexGrow(1, entries);
        refresh();
    }

    private void configureFilters() {
        account.setItems(query -> AccountSuggestions.matching(query.getFilter().orElse("")).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        account.setAllowCustomValue(true);
        account.addCustomValueSetListener(typed -> account.setValue(typed.getDetail().strip()));
        account.setPlaceholder("platform:fees or host:{id}:pending");
        account.setHelperText("Type a host's id to see their accounts");
        account.setWidth("28em");
        account.addValueChangeListener(change -> refresh());
        from.setStep(Duration.ofMinutes(1));
        to.setStep(Duration.ofMinutes(1));
        from.addValueChangeListener(change -> refresh());
        to.addValueChangeListener(change -> refresh());
    }

    private void configureGrid() {
        entries.addColumn(entry -> Formats.time(entry.occurredAt())).setHeader("Time").setAutoWidth(true);
        entries.addColumn(entry -> entry.amount().isNegative() ? "" : Formats.decimal(entry.amount()))
                .setHeader("Debit").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        entries.addColumn(entry -> entry.amount().isNegative() ? Formats.decimal(entry.amount().negated()) : "")
                .setHeader("Credit").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        entries.addColumn(entry -> entry.amount().currency().getCurrencyCode()).setHeader("Currency").setAutoWidth(true);
        entries.addColumn(LedgerEntryView::eventType).setHeader("Event").setAutoWidth(true);
        entries.addColumn(LedgerEntryView::reference).setHeader("Reference").setAutoWidth(true);
        entries.addColumn(LedgerEntryView::actor).setHeader("Actor").setAutoWidth(true);
        entries.addThemeVariants(GridVariant.ROW_STRIPES);
        entries.setPageSize(PAGE_SIZE);
        entries.setItems(pager::fetch);
        entries.setWidthFull();
    }

    private void configureExport() {
        export.setText("Export CSV");
        export.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> requested = event.getLocation().getQueryParameters().getParameters().getOrDefault(ACCOUNT_PARAMETER, List.of());
        if (!requested.isEmpty() && !requested.getFirst().isBlank()) {
            account.setValue(requested.getFirst().strip());
        }
    }

    private KeysetPager.Page<LedgerEntryView> page(@Nullable String cursor) {
        String chosen = account.getValue();
        if (chosen == null || chosen.isBlank()) {
            return new KeysetPager.Page<>(List.of(), null);
        }
        LedgerEntryPage page = queries.ask(new FindAccountEntries(chosen, instant(from), instant(to), cursor, PAGE_SIZE), LedgerEntryPage.class);
        return page == null ? new KeysetPager.Page<>(List.of(), null) : new KeysetPager.Page<>(page.items(), page.nextCursor());
    }

    private void refresh() {
        pager.reset();
        entries.getDataProvider().refreshAll();
        String chosen = account.getValue();
        boolean ready = chosen != null && !chosen.isBlank();
        export.setEnabled(ready);
        if (ready) {
            export.setHref(new StatementExport(queries, chosen, instant(from), instant(to)), AttachmentType.DOWNLOAD);
            summary.setText("Postings of " + chosen + ", oldest first, each with the event that made it.");
        } else {
            export.removeHref();
            summary.setText("Choose an account.");
        }
    }

    private static @Nullable Instant instant(DateTimePicker picker) {
        return picker.getValue() == null ? null : Formats.instant(picker.getValue());
    }
}
