package app.soiree.console.layout;

import app.soiree.api.identity.FindUserProfile;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserProfileView;
import app.soiree.console.platform.SignedInStaff;
import app.soiree.console.platform.StaffQueries;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame around every console view: who is signed in, and a menu of exactly the views they may
 * open, grouped by {@link MenuSection}.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    private static final Logger log = LoggerFactory.getLogger(MainLayout.class);

    public MainLayout(SignedInStaff signedIn, StaffQueries queries) {
        addToNavbar(new DrawerToggle(), header(signedIn, queries));
        addToDrawer(new Scroller(navigation()));
    }

    private static HorizontalLayout header(SignedInStaff signedIn, StaffQueries queries) {
        Span title = new Span("Soiree console");
        title.addClassName("console-title");
        Span user = new Span(whoIsSignedIn(signedIn, queries));
        user.addClassName("console-user");
        Button signOut = new Button("Sign out", click -> signedIn.signOut());
        signOut.addThemeVariants(ButtonVariant.TERTIARY);
        HorizontalLayout header = new HorizontalLayout(title, user, signOut);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(title);
        header.addClassName("console-header");
        return header;
    }

    /** Name and roles, so that staff holding several accounts (or borrowing a screen) see whose actions they take. */
    private static String whoIsSignedIn(SignedInStaff signedIn, StaffQueries queries) {
        String roles = signedIn.actor().roles().stream().sorted().map(Role::name).collect(Collectors.joining(", "));
        try {
            UserProfileView profile = queries.ask(new FindUserProfile(signedIn.userId()), UserProfileView.class);
            if (profile != null) {
                return profile.displayName() + " (" + profile.email() + ") · " + roles;
            }
        } catch (RuntimeException unavailable) {
            log.warn("The signed-in staff member's profile could not be read", unavailable);
        }
        return signedIn.userId() + " · " + roles;
    }

    private static VerticalLayout navigation() {
        SideNav top = new SideNav();
        Map<MenuSection, SideNav> sections = new EnumMap<>(MenuSection.class);
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            InSection section = entry.menuClass() == null ? null : entry.menuClass().getAnnotation(InSection.class);
            SideNav nav = section == null ? top : sections.computeIfAbsent(section.value(), MainLayout::sectionNav);
            nav.addItem(new SideNavItem(entry.title(), entry.path()));
        }
        List<SideNav> navs = new ArrayList<>();
        navs.add(top);
        navs.addAll(sections.values());
        VerticalLayout menu = new VerticalLayout();
        menu.setPadding(false);
        navs.forEach(menu::add);
        return menu;
    }

    private static SideNav sectionNav(MenuSection section) {
        SideNav nav = new SideNav(section.title());
        nav.setCollapsible(false);
        return nav;
    }
}
