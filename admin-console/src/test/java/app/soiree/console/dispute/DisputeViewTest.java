package app.soiree.console.dispute;

import app.soiree.console.support.ConsoleViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** The dispute views' tests, with {@link TestDisputes} answering for the platform (registered in the console's test application). */
abstract class DisputeViewTest extends ConsoleViewTest {

    @Autowired
    protected TestDisputes platform;

    @BeforeEach
    void noDisputesYet() {
        platform.reset();
    }
}
