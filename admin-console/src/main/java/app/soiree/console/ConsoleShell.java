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
@StyleSheet("base://" + Lumo.STYLESHEET)
@StyleSheet("base://" + ConsoleShell.STYLESHEET)
public class ConsoleShell implements AppShellConfigurator {

    /**
     * In {@code META-INF/resources}, like Lumo's. Both are linked relative to the Vaadin servlet
     * ({@code base://}, i.e. {@code /console/lumo/lumo.css} and {@code /console/soiree-console.css}), so the
     * console needs nothing outside {@code /console/}; {@link ConsoleStylesheets} serves them there.
     */
    static final String STYLESHEET = "soiree-console.css";
}
