package app.soiree.console.layout;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.server.HttpStatusCode;
import app.soiree.console.home.HomeView;

/**
 * What a signed-in staff member sees on opening a view their roles do not allow (a bookmarked link,
 * a colleague's URL): a plain 403 inside the console, with the way back. Signed-out visitors are sent
 * to the sign-in page instead.
 */
@PageTitle("Not allowed · Soiree console")
@ParentLayout(MainLayout.class)
@PermitAll
public class AccessDeniedView extends Div implements HasErrorParameter<AccessDeniedException> {

    public AccessDeniedView() {
        addClassName("console-view");
        add(new H2("You are not allowed to open this page"),
                new Paragraph("Your roles do not include the work this page is for. If you need it, ask an admin to grant the role."),
                new RouterLink("Back to the start", HomeView.class));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpStatusCode.FORBIDDEN.getCode();
    }
}
