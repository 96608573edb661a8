package app.soiree.server.support;

import app.soiree.server.SoireeApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole platform on a random port with its own embedded PostgreSQL; tests talk to it over HTTP.
 * All classes with this annotation share one application context. The application is named, so that a test may sit
 * in the package of a class it needs (one that is not public), outside the application's own packages.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = SoireeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = FreshDataDirectory.class)
public @interface IntegrationTest {
}
