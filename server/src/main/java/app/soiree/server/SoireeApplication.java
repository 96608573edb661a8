package app.soiree.server;

import java.security.CodeSource;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SoireeApplication {

    public static void main(String[] args) {
        // Axon's anonymous usage reporting is off unless an operator deliberately turns it on.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication application = new SpringApplication(SoireeApplication.class);
        if (runsFromAPackagedJar()) {
            // A jar runs away from the project, where the console's development mode cannot work: it serves Vaadin's
            // prebuilt production bundle instead (a -Pproduction build says so itself; an explicit setting still wins).
            application.setDefaultProperties(Map.of("vaadin.productionMode", "true"));
        }
        application.run(args);
    }

    private static boolean runsFromAPackagedJar() {
        CodeSource source = SoireeApplication.class.getProtectionDomain().getCodeSource();
        String location = source == null || source.getLocation() == null ? "" : source.getLocation().toString();
        return location.startsWith("nested:") || location.startsWith("jar:") || location.contains("!/") || location.endsWith(".jar");
    }
}
