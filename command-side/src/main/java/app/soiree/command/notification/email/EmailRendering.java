package app.soiree.command.notification.email;

import app.soiree.api.notification.NotificationContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders a notification as an email: the templates {@code notifications/email.html} and {@code email.txt}, filled
 * with the texts, the gathering's details found in the content's data and a link, labelled in the recipient's
 * language ({@code labels_<language>.properties}; English when there are none). Every value is HTML-escaped in the
 * HTML part; only http and https links become links.
 */
public final class EmailRendering {

    /** The data keys shown as details, in this order, when present. */
    static final List<String> DETAILS = List.of("gatheringTitle", "startsAt", "endsAt", "venue", "hostName", "amount");
    static final String DEFAULT_LANGUAGE = "en";

    public record RenderedEmail(String subject, String text, String html, String language) {
    }

    private final String htmlTemplate = resource("email.html");
    private final String textTemplate = resource("email.txt");
    private final Map<String, Properties> labels = Map.of("en", labels("en"), "fr", labels("fr"));

    public RenderedEmail render(NotificationContent content, String recipientName) {
        String language = languageOf(content.language());
        Properties words = labels.get(language);
        Locale locale = Locale.forLanguageTag(language);
        @Nullable String link = safeLink(content.link());

        StringBuilder htmlDetails = new StringBuilder();
        StringBuilder textDetails = new StringBuilder();
        for (String key : DETAILS) {
            String value = content.data().get(key);
            if (value == null || value.isBlank()) {
                continue;
            }
            String shown = key.endsWith("At") ? moment(value, content.data().get("timezone"), locale) : value;
            String label = words.getProperty(key, key);
            htmlDetails.append("<tr><td style=\"padding:4px 12px 4px 0;color:#6b6660;\">").append(escape(label))
                    .append("</td><td style=\"padding:4px 0;\">").append(escape(shown)).append("</td></tr>\n");
            textDetails.append(label).append(": ").append(shown).append('\n');
        }
        String details = htmlDetails.isEmpty() ? "" : "<table role=\"presentation\" aria-label=\"" + escape(words.getProperty("details"))
                + "\" style=\"margin:0 0 16px;border-collapse:collapse;\">\n" + htmlDetails + "</table>";
        String action = link == null ? "" : "<p style=\"margin:16px 0;\"><a href=\"" + escape(link)
                + "\" style=\"display:inline-block;padding:10px 18px;background:#7a2e4b;color:#ffffff;text-decoration:none;border-radius:6px;\">"
                + escape(words.getProperty("action")) + "</a></p>";
        String greeting = words.getProperty("greeting").replace("{0}", recipientName);

        String html = fill(htmlTemplate, Map.of(
                "lang", escape(language),
                "subject", escape(content.title()),
                "greeting", escape(greeting),
                "body", escape(content.body()).replace("\n", "<br>\n"),
                "details", details,
                "action", action,
                "footer", escape(words.getProperty("footer"))));
        String text = fill(textTemplate, Map.of(
                "subject", content.title(),
                "greeting", greeting,
                "body", content.body(),
                "details", textDetails.isEmpty() ? "" : "\n" + textDetails,
                "action", link == null ? "" : "\n" + words.getProperty("action") + ": " + link + "\n",
                "footer", words.getProperty("footer")));
        return new RenderedEmail(content.title(), text, html, language);
    }

    /** {@code fr-CA} is written in French; a language without labels in English. */
    static String languageOf(@Nullable String language) {
        String primary = language == null ? "" : Locale.forLanguageTag(language).getLanguage();
        return primary.equals("fr") ? "fr" : DEFAULT_LANGUAGE;
    }

    /** An ISO instant as the recipient reads it: in the gathering's zone when the data names it, else UTC. */
    static String moment(String value, @Nullable String zone, Locale locale) {
        try {
            ZoneId zoneId = zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
            DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(locale);
            return Instant.parse(value).atZone(zoneId).format(format) + " (" + zoneId.getId() + ")";
        } catch (DateTimeException e) {
            return value;
        }
    }

    private static @Nullable String safeLink(@Nullable String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            String scheme = URI.create(link).getScheme();
            return "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme) ? link : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String escape(String value) {
        return HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name());
    }

    /** One pass over the template: a value that itself contains {@code {{...}}} is never filled in again. */
    private static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 512);
        int at = 0;
        while (true) {
            int open = template.indexOf("{{", at);
            int close = open < 0 ? -1 : template.indexOf("}}", open);
            if (close < 0) {
                return out.append(template, at, template.length()).toString();
            }
            String key = template.substring(open + 2, close);
            out.append(template, at, open).append(values.getOrDefault(key, ""));
            at = close + 2;
        }
    }

    private static String resource(String name) {
        try (InputStream in = EmailRendering.class.getResourceAsStream("/notifications/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing email template notifications/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties labels(String language) {
        try (InputStream in = EmailRendering.class.getResourceAsStream("/notifications/labels_" + language + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("Missing email labels for " + language);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
