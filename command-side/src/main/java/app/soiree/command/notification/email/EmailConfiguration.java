package app.soiree.command.notification.email;

import app.soiree.command.notification.ChannelSelection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;

/** The email renderer, and the SMTP sender when {@code spring.mail.host} is set (Spring Boot then builds the mail sender). */
@Configuration(proxyBeanMethods = false)
class EmailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmailConfiguration.class);

    @Bean
    EmailRendering emailRendering() {
        return new EmailRendering();
    }

    @Bean
    @Conditional(ChannelSelection.SmtpEmail.class)
    SmtpEmailSender smtpEmailSender(JavaMailSender mail, EmailRendering rendering,
                                    @Value("${soiree.mail.from:Soiree <no-reply@soiree.app>}") String from, Environment environment) {
        log.info("Email goes over SMTP through {}:{} from {}", environment.getProperty("spring.mail.host"),
                environment.getProperty("spring.mail.port", "25"), from);
        return new SmtpEmailSender(mail, rendering, from);
    }
}
