package app.soiree.console.staff;

import app.soiree.api.identity.ChangeStaffRoles;
import app.soiree.api.identity.CreateStaffAccount;
import app.soiree.api.identity.FindStaffMembers;
import app.soiree.api.identity.FindUserProfile;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.StaffMemberPage;
import app.soiree.api.identity.UserId;
import app.soiree.api.identity.UserProfileView;
import app.soiree.console.layout.InSection;
import app.soiree.console.layout.MenuSection;
import app.soiree.console.platform.CommandRefused;
import app.soiree.console.platform.Formats;
import app.soiree.console.platform.KeysetPager;
import app.soiree.console.platform.LiveUpdates;
import app.soiree.console.platform.Notices;
import app.soiree.console.platform.SignedInStaff;
import app.soiree.console.platform.StaffCommands;
import app.soiree.console.platform.StaffQueries;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
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
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Admins open staff accounts and set their roles. The list is the read side's, so an account created
 * a moment ago appears once its events are projected; the view follows that and refreshes itself.
 * A search narrows the list by email or name, since a grid only draws the rows in view.
 */
@Route("staff")
@PageTitle("Staff · Soiree console")
@Menu(order = 900, title = "Staff accounts")
@InSection(MenuSection.ADMINISTRATION)
@RolesAllowed("ADMIN")
public class StaffView extends VerticalLayout {

    static final int PAGE_SIZE = 50;

    private final StaffCommands commands;
    private final StaffQueries queries;
    private final LiveUpdates liveUpdates;
    private final SignedInStaff signedIn;
    final StaffAccountForm form = new StaffAccountForm();
    final Grid<UserProfileView> staff = new Grid<>();
    final TextField search = new TextField();
    final Button refresh = new Button("Refresh");
    private final KeysetPager<UserProfileView> pager;

    public StaffView(StaffCommands commands, StaffQueries queries, LiveUpdates liveUpdates, SignedInStaff signedIn) {
        this.commands = commands;
        this.queries = queries;
        this.liveUpdates = liveUpdates;
        this.signedIn = signedIn;
        this.pager = new KeysetPager<>(PAGE_SIZE, cursor -> {
            StaffMemberPage page = queries.ask(new FindStaffMembers(search.getValue(), cursor, PAGE_SIZE), StaffMemberPage.class);
            return page == null ? new KeysetPager.Page<>(java.util.List.of(), null) : new KeysetPager.Page<>(page.items(), page.nextCursor());
        });
        addClassName("console-view");
        setSizeFull();
        configureForm();
        configureGrid();
        HorizontalLayout bar = new HorizontalLayout(search, refresh);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Staff accounts"), new H3("Open an account"), form, new H3("Staff"), bar, staff);
    }

    private void configureForm() {
        form.addCreateListener(event -> create(event.command()));
    }

    private void configureGrid() {
        staff.addColumn(UserProfileView::displayName).setHeader("Name").setAutoWidth(true);
        staff.addColumn(UserProfileView::email).setHeader("Email").setAutoWidth(true);
        staff.addColumn(profile -> roles(profile.roles())).setHeader("Roles").setAutoWidth(true);
        staff.addColumn(profile -> Formats.time(profile.registeredAt())).setHeader("Since").setAutoWidth(true);
        staff.addComponentColumn(profile -> {
            Button change = new Button("Change roles", click -> openRoles(profile));
            change.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            return change;
        }).setHeader("").setAutoWidth(true);
        staff.setPageSize(PAGE_SIZE);
        staff.setItems(pager::fetch);
        staff.setWidthFull();
        staff.setMinHeight("20em");
        refresh.addClickListener(click -> reload());
        search.setId("staff-search");
        search.setPlaceholder("Email or name contains…");
        search.setAriaLabel("Search staff");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setMaxLength(254);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> reload());
    }

    private void create(CreateStaffAccount command) {
        try {
            commands.send(command);
        } catch (CommandRefused refused) {
            form.showRefusal(refused);
            return;
        }
        form.clear();
        Notices.success("Account opened for " + command.email() + ". They can sign in now.");
        showOnceProjected(command.userId(), command.roles());
    }

    private void openRoles(UserProfileView profile) {
        boolean ownAccount = profile.userId().equals(signedIn.userId());
        new RolesDialog(profile, ownAccount, roles -> {
            try {
                commands.send(new ChangeStaffRoles(profile.userId(), roles));
            } catch (CommandRefused refused) {
                Notices.error(refused.explanation());
                return false;
            }
            Notices.success("Roles of " + profile.email() + " are now " + roles(roles)
                    + ". A session they already have keeps the old roles until they sign in again.");
            showOnceProjected(profile.userId(), roles);
            return true;
        }).open();
    }

    /** The read side follows the events a moment later; reload the list when it shows the account with these staff roles. */
    private void showOnceProjected(UserId userId, Set<Role> staffRoles) {
        reload();
        liveUpdates.showOnceProjected(staff, () -> queries.ask(new FindUserProfile(userId), UserProfileView.class),
                profile -> isProjected(profile, staffRoles), profile -> reload());
    }

    private static boolean isProjected(UserProfileView profile, Set<Role> staffRoles) {
        return profile.roles().stream().filter(Role::isStaff).collect(Collectors.toSet()).equals(staffRoles);
    }

    void reload() {
        pager.reset();
        staff.getDataProvider().refreshAll();
    }

    static String roles(Set<Role> roles) {
        return roles.stream().filter(Role::isStaff).sorted().map(Role::name).collect(Collectors.joining(", "));
    }

}
