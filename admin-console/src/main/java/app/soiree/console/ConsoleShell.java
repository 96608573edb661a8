package app.soiree.console;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page every console view lives in. {@code @Push} keeps a connection open so that the server can
 * update a screen on its own (progress of a replay, queues that grow) without a reload. The look is
 * Vaadin's Lumo theme and its utility classes plus one small stylesheet: no front-end build.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("soiree-console.css")
public class ConsoleShell implements AppShellConfigurator {
}
