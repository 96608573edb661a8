package app.soiree.console.platform;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What staff see when something on a screen fails unexpectedly (a query that times out, a part of the
 * platform that is down): a plain message on the screen they are on, while the details go to the log
 * for the developers. Refusals a screen expects are shown by that screen itself.
 */
@Component
class ConsoleErrors implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(session -> session.getSession().setErrorHandler(error -> {
            log.error("A console action failed", error.getThrowable());
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> Notification.show("That did not work: the platform did not answer as expected. Try again in a "
                        + "moment; if it keeps failing, tell the developers.", 8000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.ERROR));
            }
        }));
    }
}
