package app.soiree.console;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page every console view lives in. {@code @Push} keeps a connection open so that the server can
 * update a screen on its own (progress of a replay, queues that grow) without a reload. The look is
 * Vaadin's Lumo theme plus one small stylesheet: no front-end build.
 */
@Push
@StyleSheet("context://" + Lumo.STYLESHEET)
@StyleSheet("context://" + ConsoleShell.STYLESHEET)
public class ConsoleShell implements AppShellConfigurator {

    /**
     * In {@code META-INF/resources}, like Lumo's. The Vaadin servlet lives under {@code /console/*} and
     * serves no files from there, so both are linked from the context root, where Spring serves
     * {@code META-INF/resources}.
     */
    static final String STYLESHEET = "soiree-console.css";
}
