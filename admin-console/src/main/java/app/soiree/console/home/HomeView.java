package app.soiree.console.home;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Where staff land after signing in. */
@Route("")
@PageTitle("Home · Soiree console")
@Menu(order = 0, title = "Home")
@RolesAllowed({"SUPPORT", "FINANCE", "ADMIN"})
public class HomeView extends VerticalLayout {

    public HomeView() {
        add(new H2("Welcome"),
                new Paragraph("Disputes, payouts and the ledger will appear in the menu as you are allowed to work on them."));
    }
}
