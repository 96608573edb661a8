package app.soiree.command.notification;

import app.soiree.api.Money;
import app.soiree.api.notification.NotificationKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The words of each kind of notification, in the recipient's language ({@code notifications/texts*.properties}; English
 * when there is no text in theirs), with the draft's values put in. Instants are also given in local time: the
 * gathering's time zone when the data names one (it happens there), the recipient's otherwise.
 */
@Component
public class NotificationTexts {

    /** A key of the data naming another text of the same kind ({@code KIND.variant.title}), e.g. several bookings told at once. */
    static final String VARIANT = "variant";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    public record Rendered(String title, String body, Map<String, String> data) {
    }

    public Rendered render(NotificationKind kind, String language, ZoneId recipientZone, Map<String, String> data) {
        Locale locale = Locale.forLanguageTag(language);
        Map<String, String> values = new HashMap<>(data);
        ZoneId zone = data.containsKey("timezone") ? ZoneId.of(data.get("timezone")) : recipientZone;
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).withZone(zone);
        data.forEach((key, value) -> {
            if ((key.endsWith("At") || key.endsWith("By")) && !value.isEmpty()) {
                values.put(key + "Local", format.format(Instant.parse(value)));
            }
        });
        ResourceBundle texts = ResourceBundle.getBundle("notifications/texts", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        if (data.containsKey("lead")) {
            values.put("leadTime", text(texts, "lead." + data.get("lead"), text(texts, "lead.other", "")));
        }
        String key = data.containsKey(VARIANT) ? kind + "." + data.get(VARIANT) : kind.name();
        return new Rendered(fill(text(texts, key + ".title", kind.name()), values), fill(text(texts, key + ".body", ""), values), values);
    }

    /** An amount as people read it: {@code 25.00 EUR}. */
    public static String money(Money money) {
        return BigDecimal.valueOf(money.amountMinor(), money.currency().getDefaultFractionDigits()).toPlainString() + " "
                + money.currency().getCurrencyCode();
    }

    private static String text(ResourceBundle texts, String key, String otherwise) {
        try {
            return texts.getString(key);
        } catch (MissingResourceException missing) {
            return otherwise;
        }
    }

    private static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(filled, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(filled);
        return filled.toString().replaceAll(" \\(\\)", "").replaceAll("\\s+([.,])", "$1").trim();
    }
}
