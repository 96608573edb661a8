package app.soiree.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Gives each test application context its own data directory, so its embedded PostgreSQL starts empty. */
public class FreshDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            Path root = Files.createDirectories(Path.of("target", "test-data"));
            Path dataDir = Files.createTempDirectory(root.toAbsolutePath(), "context-");
            context.getEnvironment().getPropertySources().addFirst(
                    new MapPropertySource("freshDataDirectory", Map.of("soiree.data-dir", dataDir.toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
