package app.soiree.console.support;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Base of the console's browserless view tests; they share one application context. */
@SpringBootTest(classes = ConsoleTestApplication.class, properties = {
        "soiree.role.console=true",
        "axon.axonserver.enabled=false",
        "axon.serializer.general=jackson3",
        "axon.serializer.messages=jackson3",
        "axon.serializer.events=jackson3",
        "axoniq.update-checker.disabled=true",
        "soiree.storage.local.directory=target/console-test-objects"})
// Routes are looked for in the console only: scanning the whole classpath takes most of a minute.
@ViewPackages(packages = "app.soiree.console")
public abstract class ConsoleViewTest extends SpringBrowserlessTest {

    /** A fixed staff member id for {@code @WithMockUser(username = STAFF_ID)}: the console names principals by user id. */
    public static final String STAFF_ID = "5a1f0000-0000-4000-8000-000000000001";

    @Autowired
    protected TestLedger ledger;

    @BeforeEach
    void freshLedger() {
        ledger.reset();
    }

    /**
     * What a push connection delivers: changes that background threads made with {@code UI.access}.
     * The test thread holds the session's lock throughout, so such changes wait in the session's
     * queue until it runs them, as Vaadin does when a request releases the lock.
     */
    protected static void runPushedUpdates() {
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        roundTrip();
    }
}
