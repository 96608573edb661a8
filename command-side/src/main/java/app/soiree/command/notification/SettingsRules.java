package app.soiree.command.notification;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What a user may put in their notification settings; the aggregate enforces it, the controller says it field by field. */
final class SettingsRules {

    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    /** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private SettingsRules() {
    }

    /** A region-based IANA zone (Europe/Paris) or UTC; fixed offsets such as +02:00 would ignore daylight saving. */
    static Optional<String> timezoneProblem(String timezone) {
        return ZONES.contains(timezone) ? Optional.empty() : Optional.of("must be an IANA time zone such as Europe/Paris");
    }

    /** An ISO 639-1 language, optionally with a region (fr, fr-CA). */
    static Optional<String> languageProblem(String language) {
        String primary = Locale.forLanguageTag(language).getLanguage();
        return !primary.isEmpty() && LANGUAGES.contains(primary) && language.length() <= 12
                ? Optional.empty() : Optional.of("must be a language code such as en or fr");
    }

    static Optional<String> phoneProblem(String phone) {
        return E164.matcher(phone).matches() ? Optional.empty()
                : Optional.of("must be an E.164 number: a + and the country code, 7 to 15 digits, such as +33612345678");
    }
}
