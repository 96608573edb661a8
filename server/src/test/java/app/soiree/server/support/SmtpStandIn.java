package app.soiree.server.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** A real SMTP server (GreenMail) for the whole JVM, on a free port; notification emails of the context that uses it land here. */
public final class SmtpStandIn {

    private SmtpStandIn() {
    }

    private static final class Holder {
        static final GreenMail SERVER = start();
    }

    private static GreenMail start() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "smtp-stand-in-stop"));
        return server;
    }

    public static GreenMail server() {
        return Holder.SERVER;
    }

    /** {@code @ContextConfiguration(initializers = SmtpStandIn.Properties.class)}: email goes over SMTP, to GreenMail. */
    public static final class Properties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("smtpStandIn", Map.of(
                    "spring.mail.host", "127.0.0.1",
                    "spring.mail.port", Integer.toString(server().getSmtp().getPort()),
                    "spring.mail.properties.mail.smtp.connectiontimeout", "2000",
                    "spring.mail.properties.mail.smtp.timeout", "5000",
                    "soiree.mail.from", "Soiree <no-reply@soiree.test>")));
        }
    }
}
