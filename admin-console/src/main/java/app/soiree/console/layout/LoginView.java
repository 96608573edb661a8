package app.soiree.console.layout;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Staff sign-in. Guests and hosts have no console account: their credentials are refused here. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Soiree console")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView() {
        addClassName("login-view");
        getStyle().set("display", "flex").set("flex-direction", "column").set("align-items", "center")
                .set("padding-top", "10vh");
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        add(new H1("Soiree console"), new Paragraph("For support, finance and admin staff."), login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
