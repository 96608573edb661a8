package app.soiree.console.dispute;

import app.soiree.console.support.ConsoleViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The dispute views' tests, with {@link TestDisputes} answering for the platform; they share one application context. */
@Import(TestDisputes.class)
abstract class DisputeViewTest extends ConsoleViewTest {

    @Autowired
    protected TestDisputes platform;

    @BeforeEach
    void noDisputesYet() {
        platform.reset();
    }
}
