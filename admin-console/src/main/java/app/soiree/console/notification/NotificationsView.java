package app.soiree.console.notification;

import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserProfileView;
import app.soiree.api.notification.StaffNotificationView;
import app.soiree.console.layout.InSection;
import app.soiree.console.layout.MenuSection;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.KeysetPager;
import app.soiree.console.platform.SignedInStaff;
import app.soiree.console.platform.StaffCommands;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
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
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A user's notifications for support: find the user by email or id, see every notification (shown in their inbox or
 * not, withdrawn ones too), newest planned first; select one for its deliveries per channel, each with its history and
 * a "Resend". The user is in the address ({@code ?user=}), so a page can be shared.
 */
@Route("notifications")
@PageTitle("Notifications · Soiree console")
@Menu(order = 260, title = "Notifications")
@InSection(MenuSection.SUPPORT)
@RolesAllowed("SUPPORT")
public class NotificationsView extends VerticalLayout implements BeforeEnterObserver {

    public static final String USER_PARAMETER = "user";
    static final int PAGE_SIZE = 25;
    /** How far a refresh looks for the selected notification again: it was planned recently, or support scrolled a little. */
    static final int RELOAD_PAGES = 4;

    private final NotificationRecipients recipients;
    final TextField search = new TextField();
    final Button find = new Button("Find", VaadinIcon.SEARCH.create());
    final Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create());
    final Span summary = new Span();
    final Grid<StaffNotificationView> notifications = new Grid<>();
    final DeliveriesPanel deliveries;
    private final KeysetPager<StaffNotificationView> pager;
    private @Nullable UserId recipient;

    public NotificationsView(NotificationRecipients recipients, StaffCommands commands, SignedInStaff signedIn) {
        this.recipients = recipients;
        this.pager = new KeysetPager<>(PAGE_SIZE, this::page);
        this.deliveries = new DeliveriesPanel(commands, signedIn, this::reload);
        addClassName("console-view");
        setSizeFull();
        configureSearch();
        configureGrid();
        refresh.addClickListener(click -> reload());
        refresh.setEnabled(false);
        HorizontalLayout bar = new HorizontalLayout(search, find, refresh);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Notifications"), bar, summary, notifications, deliveries);
    }

    private void configureSearch() {
        search.setPlaceholder("The user's email or id");
        search.setWidth("32em");
        search.setMaxLength(NotificationRecipients.MAX_TERM_LENGTH);
        search.setClearButtonVisible(true);
        search.setAriaLabel("User");
        find.addThemeVariants(ButtonVariant.PRIMARY);
        find.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate(NotificationsView.class,
                QueryParameters.of(USER_PARAMETER, search.getValue().strip()))));
        find.addClickShortcut(Key.ENTER);
    }

    private void configureGrid() {
        notifications.addColumn(notification -> Formats.time(notification.createdAt())).setHeader("Planned").setAutoWidth(true).setFlexGrow(0);
        notifications.addColumn(notification -> NotificationLabels.words(notification.kind())).setHeader("Kind").setAutoWidth(true)
                .setFlexGrow(0);
        notifications.addColumn(StaffNotificationView::title).setHeader("Title").setFlexGrow(1);
        notifications.addColumn(NotificationLabels::inbox).setHeader("In the inbox").setAutoWidth(true).setFlexGrow(0);
        notifications.addColumn(NotificationLabels::channels).setHeader("Channels").setFlexGrow(2);
        notifications.addThemeVariants(GridVariant.ROW_STRIPES);
        notifications.setPageSize(PAGE_SIZE);
        notifications.setItems(pager::fetch);
        notifications.setHeight("24em");
        notifications.setWidthFull();
        notifications.asSingleSelect().addValueChangeListener(selected -> deliveries.show(selected.getValue()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> term = event.getLocation().getQueryParameters().getParameters().getOrDefault(USER_PARAMETER, List.of());
        String text = term.isEmpty() ? "" : term.getFirst().strip();
        search.setValue(text);
        Optional<UserProfileView> user = text.isEmpty() ? Optional.empty() : recipients.find(text);
        recipient = user.map(UserProfileView::userId).orElse(null);
        summary.setText(text.isEmpty() ? "Find a user by their email or id to see their notifications."
                : user.map(found -> "Notifications of " + found.displayName() + " (" + found.email() + " · " + found.userId() + "), newest "
                        + "planned first. Select one for its deliveries. Times are UTC.")
                        .orElse("No user has the email or id “" + text + "”."));
        refresh.setEnabled(recipient != null);
        notifications.setVisible(recipient != null);
        notifications.asSingleSelect().clear();
        deliveries.show(null);
        pager.reset();
        notifications.getDataProvider().refreshAll();
    }

    /** Reads the user's notifications again, and the selected one with them (a resend shows in its history once projected). */
    void reload() {
        StaffNotificationView selected = notifications.asSingleSelect().getValue();
        pager.reset();
        notifications.getDataProvider().refreshAll();
        if (selected != null && recipient != null) {
            deliveries.show(pager.fetch(0, PAGE_SIZE * RELOAD_PAGES).filter(
                    notification -> notification.notificationId().equals(selected.notificationId())).findFirst().orElse(selected));
        }
    }

    private KeysetPager.Page<StaffNotificationView> page(@Nullable String cursor) {
        UserId user = recipient;
        return user == null ? new KeysetPager.Page<>(List.of(), null) : recipients.page(user, cursor, PAGE_SIZE);
    }
}
