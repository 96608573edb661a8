package app.soiree.console.lookup;

import app.soiree.api.gathering.FindGatheringAsOf;
import app.soiree.api.gathering.GatheringAsOfResult;
import app.soiree.api.gathering.GatheringAsOfView;
import app.soiree.api.gathering.GatheringAsOfView.TierAsOf;
import app.soiree.api.gathering.GatheringAsOfView.WaitingGuest;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.TierId;
import app.soiree.console.layout.InSection;
import app.soiree.console.layout.MenuSection;
import app.soiree.console.platform.Facts;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.Ids;
import app.soiree.console.platform.Links;
import app.soiree.console.platform.StaffQueries;
import app.soiree.console.platform.StaffQueries.QueryUnavailable;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Time travel for support and finance: a gathering as it stood at a past instant, rebuilt from its own events (never
 * from the read model, which holds only the present): status, title, each tier's seats, who waited in which order,
 * and how many events made it so. The gathering and the instant are in the address ({@code ?gathering=&at=}), so a
 * past state can be shared; the lookup links here with the gathering and the present.
 */
@Route("gatherings/as-of")
@PageTitle("Gathering as of · Soiree console")
@Menu(order = 110, title = "Gathering as of")
@InSection(MenuSection.SUPPORT)
@RolesAllowed({"SUPPORT", "FINANCE"})
public class GatheringTimeTravelView extends VerticalLayout implements BeforeEnterObserver {

    public static final String GATHERING_PARAMETER = "gathering";
    /** An ISO-8601 instant; without it the page shows the gathering as it stands now. */
    public static final String AT_PARAMETER = "at";

    private final StaffQueries queries;
    private final Clock clock;
    final TextField gatheringId = new TextField("Gathering id");
    final DateTimePicker at = new DateTimePicker("As of (UTC)");
    final Button show = new Button("Show", VaadinIcon.TIME_BACKWARD.create());
    /** What the page shows, or why it shows nothing. */
    final Paragraph summary = new Paragraph();
    /** Offered when the gathering did not exist yet at the instant: the moment it was created. */
    final Button showAsCreated = new Button("Show it as created");
    final GatheringFacts facts = new GatheringFacts();
    final Grid<TierAsOf> tiers = new Grid<>();
    final Grid<WaitingGuest> waitlist = new Grid<>();
    private final H3 tiersHeading = new H3("Seats per tier");
    private final H3 waitlistHeading = new H3("Waitlist, in the order they joined");
    private Map<TierId, String> tierNames = Map.of();
    /** When the gathering asked about was created, if that was after the instant asked about. */
    private @Nullable Instant createdAt;

    public GatheringTimeTravelView(StaffQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
        addClassName("console-view");
        configureForm();
        configureGrids();
        HorizontalLayout form = new HorizontalLayout(gatheringId, at, show);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Gathering as of"), form, summary, showAsCreated, facts, tiersHeading, tiers, waitlistHeading, waitlist);
    }

    private void configureForm() {
        gatheringId.setPlaceholder("The gathering's id");
        gatheringId.setWidth("24em");
        gatheringId.setClearButtonVisible(true);
        at.setStep(Duration.ofSeconds(1));
        at.setHelperText("Empty for now");
        show.addThemeVariants(ButtonVariant.PRIMARY);
        show.addClickListener(click -> open(gatheringId.getValue().strip(),
                at.getValue() == null ? null : Formats.instant(at.getValue())));
        show.addClickShortcut(Key.ENTER);
        showAsCreated.addThemeVariants(ButtonVariant.TERTIARY);
        showAsCreated.addClickListener(click -> open(gatheringId.getValue().strip(), createdAt));
    }

    private void configureGrids() {
        tiers.addColumn(TierAsOf::name).setHeader("Tier").setFlexGrow(1);
        tiers.addColumn(tier -> Formats.money(tier.price())).setHeader("Price").setAutoWidth(true).setFlexGrow(0);
        tiers.addColumn(TierAsOf::capacity).setHeader("Capacity").setAutoWidth(true).setFlexGrow(0);
        tiers.addColumn(TierAsOf::held).setHeader("Held").setAutoWidth(true).setFlexGrow(0);
        tiers.addColumn(TierAsOf::confirmed).setHeader("Confirmed").setAutoWidth(true).setFlexGrow(0);
        tiers.addColumn(TierAsOf::available).setHeader("Available").setAutoWidth(true).setFlexGrow(0);
        tiers.setAllRowsVisible(true);
        waitlist.addColumn(guest -> tierNames.getOrDefault(guest.tierId(), guest.tierId().toString())).setHeader("Tier").setFlexGrow(1);
        waitlist.addColumn(WaitingGuest::position).setHeader("Place in line").setAutoWidth(true).setFlexGrow(0);
        waitlist.addComponentColumn(guest -> Links.withQuery(guest.userId().toString(), LookupView.class, LookupView.QUERY_PARAMETER,
                guest.userId().toString())).setHeader("Guest").setFlexGrow(2);
        waitlist.setAllRowsVisible(true);
    }

    /** Puts the gathering and the instant in the address, which shows them ({@link #beforeEnter}). */
    private void open(String gathering, @Nullable Instant instant) {
        QueryParameters parameters = instant == null
                ? QueryParameters.of(GATHERING_PARAMETER, gathering)
                : QueryParameters.simple(Map.of(GATHERING_PARAMETER, gathering, AT_PARAMETER, instant.toString()));
        getUI().ifPresent(ui -> ui.navigate(GatheringTimeTravelView.class, parameters));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        String gathering = first(parameters, GATHERING_PARAMETER);
        String instant = first(parameters, AT_PARAMETER);
        gatheringId.setValue(gathering);
        if (gathering.isEmpty()) {
            showNothing("Enter a gathering id and an instant (UTC) to see the gathering as it stood then, rebuilt from its events.");
            return;
        }
        Optional<UUID> id = Ids.uuid(gathering);
        if (id.isEmpty()) {
            showNothing("“" + gathering + "” is not a gathering id: paste the id in full (36 characters, as the lookup shows it).");
            return;
        }
        Instant when;
        try {
            // Now, to the second the picker shows: an instant a moment ahead of the server's clock would be the future.
            when = instant.isEmpty() ? clock.instant().truncatedTo(ChronoUnit.SECONDS) : Instant.parse(instant);
        } catch (DateTimeParseException notAnInstant) {
            showNothing("“" + instant + "” is not an instant; pick one in the field above.");
            return;
        }
        at.setValue(Formats.local(when));
        show(new GatheringId(id.get()), when);
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        return values.isEmpty() ? "" : values.getFirst().strip();
    }

    private void show(GatheringId gathering, Instant when) {
        if (when.isAfter(clock.instant())) {
            showNothing("The future is not rebuilt from events: deadlines and people may still change it. Pick an instant up to now.");
            return;
        }
        GatheringAsOfResult result;
        try {
            result = queries.ask(new FindGatheringAsOf(gathering, when), GatheringAsOfResult.class);
        } catch (QueryUnavailable notDeployed) {
            showNothing("Time travel is not available on this server: no process here answers for it.");
            return;
        }
        if (result == null) {
            showNothing("No gathering has the id " + gathering + ".");
        } else if (result.gathering() == null) {
            showNothing("Gathering " + gathering + " did not exist yet at " + Formats.exactTime(when) + "; it was created at "
                    + Formats.exactTime(result.createdAt()) + ".");
            createdAt = result.createdAt();
            showAsCreated.setVisible(true);
        } else {
            showGathering(result.gathering());
        }
    }

    private void showGathering(GatheringAsOfView gathering) {
        summary.setText(gathering.title() + " as it stood at " + Formats.exactTime(gathering.at()) + ", rebuilt from its events.");
        facts.show(gathering);
        tierNames = gathering.tiers().stream().collect(Collectors.toMap(TierAsOf::tierId, TierAsOf::name, (first, second) -> first));
        tiers.setItems(gathering.tiers());
        waitlist.setItems(gathering.waitlist());
        setGatheringVisible(true);
        waitlistHeading.setText(gathering.waitlist().isEmpty() ? "Waitlist: nobody was waiting" : "Waitlist, in the order they joined");
        waitlist.setVisible(!gathering.waitlist().isEmpty());
    }

    private void showNothing(String why) {
        summary.setText(why);
        setGatheringVisible(false);
    }

    private void setGatheringVisible(boolean visible) {
        showAsCreated.setVisible(false);
        facts.setVisible(visible);
        tiersHeading.setVisible(visible);
        tiers.setVisible(visible);
        waitlistHeading.setVisible(visible);
        waitlist.setVisible(visible);
    }

    /** Status, title and dates, and how many events made the state shown: how old it is. */
    static final class GatheringFacts extends Facts {

        GatheringFacts() {
            addClassName("facts-grid");
        }

        void show(GatheringAsOfView gathering) {
            removeAll();
            fact("Title", gathering.title());
            fact("Status", gathering.status().name());
            fact("Starts", Formats.time(gathering.startsAt()));
            fact("Ends", Formats.time(gathering.endsAt()));
            fact("Events applied", gathering.eventsApplied() + ", the last at " + Formats.exactTime(gathering.lastEventAt()));
            fact("Id", gathering.gatheringId().toString());
        }
    }
}
