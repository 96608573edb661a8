package app.soiree.console.promotion;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.promotion.FeatureGathering;
import app.soiree.api.promotion.FeaturedGatheringList;
import app.soiree.api.promotion.FeaturedGatheringView;
import app.soiree.api.promotion.FindFeaturedGatherings;
import app.soiree.api.promotion.UnfeatureGathering;
import app.soiree.console.layout.InSection;
import app.soiree.console.layout.MenuSection;
import app.soiree.console.platform.CommandRefused;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.Ids;
import app.soiree.console.platform.LiveUpdates;
import app.soiree.console.platform.Notices;
import app.soiree.console.platform.SignedInStaff;
import app.soiree.console.platform.StaffCommands;
import app.soiree.console.platform.StaffQueries;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Support's featured gatherings: those featured now and those scheduled, soonest first; a form to feature a gathering
 * by its id for a window (UTC), which replaces any window it had; and a button per row to take it out. The platform
 * checks the gathering (upcoming and published) and the window (not past its start); the form checks only what it
 * can see itself. After an action the list follows the read side until it shows the change.
 */
@Route("featured")
@PageTitle("Featured gatherings · Soiree console")
@Menu(order = 270, title = "Featured gatherings")
@InSection(MenuSection.SUPPORT)
@RolesAllowed("SUPPORT")
public class FeaturedView extends VerticalLayout {

    private final StaffQueries queries;
    private final StaffCommands commands;
    private final SignedInStaff signedIn;
    private final LiveUpdates liveUpdates;
    private final Clock clock;
    final TextField gatheringId = new TextField("Gathering id");
    final DateTimePicker from = new DateTimePicker("From (UTC)");
    final DateTimePicker until = new DateTimePicker("Until (UTC)");
    final Button feature = new Button("Feature");
    final Button refresh = new Button("Refresh");
    final Paragraph refusal = new Paragraph();
    final Grid<FeaturedGatheringView> featured = new Grid<>();

    public FeaturedView(StaffQueries queries, StaffCommands commands, SignedInStaff signedIn, LiveUpdates liveUpdates, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.signedIn = signedIn;
        this.liveUpdates = liveUpdates;
        this.clock = clock;
        addClassName("console-view");
        setSizeFull();
        configureForm();
        configureGrid();
        HorizontalLayout form = new HorizontalLayout(gatheringId, from, until, feature);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        add(new H2("Featured gatherings"), new Paragraph("Gatherings shown to everyone in their feed, now or later. Times are UTC."),
                new H3("Feature a gathering"), form, refusal, new H3("Featured now and scheduled"), refresh, featured);
        setFlexGrow(1, featured);
        reload();
    }

    private void configureForm() {
        gatheringId.setPlaceholder("00000000-0000-0000-0000-000000000000");
        gatheringId.setWidth("24em");
        from.setStep(Duration.ofMinutes(15));
        until.setStep(Duration.ofMinutes(15));
        feature.addThemeVariants(ButtonVariant.PRIMARY);
        feature.addClickListener(click -> featureFromForm());
        refresh.addClickListener(click -> reload());
        refusal.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        refusal.setVisible(false);
    }

    private void configureGrid() {
        featured.addColumn(view -> view.gatheringId().toString()).setHeader("Gathering").setAutoWidth(true);
        featured.addColumn(view -> view.currentAt(clock.instant()) ? "featured now" : "scheduled").setHeader("State").setAutoWidth(true);
        featured.addColumn(view -> Formats.time(view.from())).setHeader("From").setAutoWidth(true);
        featured.addColumn(view -> Formats.time(view.until())).setHeader("Until").setAutoWidth(true);
        featured.addColumn(view -> view.featuredBy().toString()).setHeader("Featured by").setAutoWidth(true);
        featured.addComponentColumn(view -> {
            Button remove = new Button("Remove", click -> remove(view.gatheringId()));
            remove.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.SMALL);
            return remove;
        }).setHeader("").setAutoWidth(true).setFlexGrow(0);
        featured.addThemeVariants(GridVariant.ROW_STRIPES);
        featured.setWidthFull();
        featured.setMinHeight("16em");
    }

    /** Checks what the form can (a full id, both times, the end after the start), then sends one command. */
    private void featureFromForm() {
        refusal.setVisible(false);
        Optional<UUID> id = Ids.uuid(gatheringId.getValue().strip());
        LocalDateTime start = from.getValue();
        LocalDateTime end = until.getValue();
        gatheringId.setInvalid(id.isEmpty());
        gatheringId.setErrorMessage("A gathering id in full (36 characters)");
        from.setInvalid(start == null);
        from.setErrorMessage("When the feature starts");
        boolean endInOrder = end != null && start != null && end.isAfter(start);
        until.setInvalid(end == null || (start != null && !endInOrder));
        until.setErrorMessage(end == null ? "When the feature ends" : "After the start");
        if (id.isEmpty() || start == null || end == null || !endInOrder) {
            return;
        }
        GatheringId gathering = new GatheringId(id.get());
        Instant window = Formats.instant(start);
        Instant windowEnd = Formats.instant(end);
        try {
            commands.send(new FeatureGathering(gathering, window, windowEnd, signedIn.userId()));
        } catch (CommandRefused refused) {
            showRefusal(refused);
            return;
        }
        Notices.success("Featured " + gathering + " from " + Formats.time(window) + " until " + Formats.time(windowEnd) + ".");
        gatheringId.clear();
        reloadOnceProjected(list -> list.stream().anyMatch(view -> view.gatheringId().equals(gathering) && view.from().equals(window)
                && view.until().equals(windowEnd)));
    }

    private void remove(GatheringId gathering) {
        refusal.setVisible(false);
        try {
            commands.send(new UnfeatureGathering(gathering, signedIn.userId()));
        } catch (CommandRefused refused) {
            showRefusal(refused);
            return;
        }
        Notices.success("No longer featuring " + gathering + ".");
        reloadOnceProjected(list -> list.stream().noneMatch(view -> view.gatheringId().equals(gathering)));
    }

    private void showRefusal(CommandRefused refused) {
        refusal.setText(switch (refused.code()) {
            case NOT_PROMOTABLE -> "Only an upcoming published gathering can be featured: this one is a draft, cancelled, or under way.";
            case NOT_FOUND -> "There is no such gathering (or it was never featured).";
            case VALIDATION_FAILED -> "The window must end after it starts, in the future, no later than the gathering starts, "
                    + "and within 90 days.";
            default -> refused.explanation();
        });
        refusal.setVisible(true);
    }

    /** Shows the list as read now, and again once the read side has the change (it follows the events a moment later). */
    private void reloadOnceProjected(Predicate<List<FeaturedGatheringView>> projected) {
        reload();
        liveUpdates.showOnceProjected(featured, this::read, projected, featured::setItems);
    }

    void reload() {
        featured.setItems(read());
    }

    private List<FeaturedGatheringView> read() {
        FeaturedGatheringList list = queries.ask(new FindFeaturedGatherings(clock.instant(), FindFeaturedGatherings.MAX_LIMIT),
                FeaturedGatheringList.class);
        return list == null ? List.of() : list.items();
    }
}
