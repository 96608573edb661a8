package app.soiree.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SoireeApplication {

    public static void main(String[] args) {
        // Axon's anonymous usage reporting is off unless an operator deliberately turns it on.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(SoireeApplication.class, args);
    }
}
