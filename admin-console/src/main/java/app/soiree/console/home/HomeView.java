package app.soiree.console.home;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.menu.MenuConfiguration;
import jakarta.annotation.security.RolesAllowed;

/** Where staff land after signing in: the work their roles open to them. */
@Route("")
@PageTitle("Home · Soiree console")
@Menu(order = 0, title = "Home")
@RolesAllowed({"SUPPORT", "FINANCE", "ADMIN"})
public class HomeView extends VerticalLayout {

    public HomeView() {
        addClassName("console-view");
        UnorderedList work = new UnorderedList();
        MenuConfiguration.getMenuEntries().stream()
                .filter(entry -> entry.menuClass() != HomeView.class)
                .forEach(entry -> work.add(new ListItem(new RouterLink(entry.title(), entry.menuClass()))));
        add(new H2("Welcome"), new Paragraph("What your roles let you work on:"), work);
    }
}
