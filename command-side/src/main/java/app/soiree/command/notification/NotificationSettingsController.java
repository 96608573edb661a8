package app.soiree.command.notification;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Actor;
import app.soiree.api.notification.ChangeNotificationPreferences;
import app.soiree.api.notification.ChangeWhatsAppConsent;
import app.soiree.api.notification.NotificationCategory;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationPreferences;
import app.soiree.api.notification.QuietHours;
import app.soiree.api.notification.RecordVerifiedPhone;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's own notification settings: preferences, the phone number (verified by a code sent to it) and WhatsApp
 * consent. Reading them back and the inbox are the query side's.
 */
@RestController
@Tag(name = "Notifications")
class NotificationSettingsController {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private final CommandGateway commands;
    private final PhoneVerification verification;

    NotificationSettingsController(CommandGateway commands, PhoneVerification verification) {
        this.commands = commands;
        this.verification = verification;
    }

    record QuietHoursBody(@Nullable String from, @Nullable String to) {
    }

    /** What is not mentioned keeps its default; {@code language} absent: the request's Accept-Language if we write it, else en. */
    record PreferencesRequest(@Nullable String timezone, @Nullable QuietHoursBody quietHours,
                              @Nullable Map<NotificationChannel, Boolean> channels,
                              @Nullable Map<NotificationCategory, Map<NotificationChannel, Boolean>> categories,
                              @Nullable String language) {
    }

    record PreferencesView(String timezone, @Nullable QuietHoursBody quietHours, Map<NotificationChannel, Boolean> channels,
                           Map<NotificationCategory, Map<NotificationChannel, Boolean>> categories, String language, long version) {
    }

    record PhoneRequest(@Nullable String phone) {
    }

    record PhoneCodeSent(String phone, Instant expiresAt) {
    }

    record CodeRequest(@Nullable String code) {
    }

    record ConsentRequest(@Nullable Boolean optIn) {
    }

    @PutMapping("/api/me/notification-preferences")
    @Operation(summary = "Replace your notification preferences; answers them as stored, with their version",
            description = "400 VALIDATION_FAILED for a time zone that is not an IANA zone, quiet hours that are not HH:mm, or an "
                    + "unknown language; 422 CRITICAL_NOT_OPTIONAL (with the refused switches as errors) when a category holding a "
                    + "critical kind would be switched off for IN_APP or EMAIL.")
    PreferencesView changePreferences(@RequestBody PreferencesRequest request,
                                      @RequestHeader(name = "Accept-Language", required = false) @Nullable String acceptLanguage,
                                      Actor actor) {
        NotificationPreferences preferences = preferencesOf(request, acceptLanguage);
        List<String> refused = preferences.criticalSwitchedOff();
        if (!refused.isEmpty()) {
            throw new InvalidFields(ErrorCode.CRITICAL_NOT_OPTIONAL,
                    "Critical notifications (payment failed, gathering cancelled, refund) always reach in-app and email",
                    refused.stream().map(path -> new FieldProblem(path, "cannot be switched off: this category holds critical notifications"))
                            .toList());
        }
        Long version = commands.sendAndWait(new ChangeNotificationPreferences(actor.userId(), preferences));
        return viewOf(preferences, version == null ? 0 : version);
    }

    @PutMapping("/api/me/phone")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Set the number for SMS and WhatsApp: a six-digit code goes to it by SMS; confirm it with POST /api/me/phone/verify",
            description = "400 VALIDATION_FAILED unless E.164 (+33612345678) or when it cannot receive texts; 429 RATE_LIMITED with "
                    + "Retry-After beyond soiree.notifications.phone-codes-per-day codes in 24 hours.")
    PhoneCodeSent changePhone(@RequestBody PhoneRequest request, Actor actor) {
        String phone = request.phone() == null ? "" : request.phone().strip();
        SettingsRules.phoneProblem(phone).ifPresent(problem -> {
            throw new InvalidFields(ErrorCode.VALIDATION_FAILED, "The request has invalid fields.", List.of(new FieldProblem("phone", problem)));
        });
        PhoneVerification.Requested requested = verification.request(actor.userId(), phone);
        return new PhoneCodeSent(requested.phone(), requested.expiresAt());
    }

    @PostMapping("/api/me/phone/verify")
    @Operation(summary = "Confirm the number with the code it received; from then on SMS and WhatsApp may go to it",
            description = "422 VERIFICATION_FAILED when the code is wrong, expired or tried too often, with attemptsLeft.")
    ResponseEntity<Void> verifyPhone(@RequestBody CodeRequest request, Actor actor) {
        String code = request.code() == null ? "" : request.code().strip();
        if (!code.matches("[0-9]{6}")) {
            throw new InvalidFields(ErrorCode.VALIDATION_FAILED, "The request has invalid fields.",
                    List.of(new FieldProblem("code", "must be the six digits of the code")));
        }
        String phone = verification.verify(actor.userId(), code);
        commands.sendAndWait(new RecordVerifiedPhone(actor.userId(), phone));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/me/whatsapp-consent")
    @Operation(summary = "Say yes (or no) to notifications on WhatsApp, at your verified number")
    ResponseEntity<Void> changeWhatsAppConsent(@RequestBody ConsentRequest request, Actor actor) {
        if (request.optIn() == null) {
            throw new InvalidFields(ErrorCode.VALIDATION_FAILED, "The request has invalid fields.",
                    List.of(new FieldProblem("optIn", "must be true or false")));
        }
        commands.sendAndWait(new ChangeWhatsAppConsent(actor.userId(), request.optIn()));
        return ResponseEntity.noContent().build();
    }

    private static NotificationPreferences preferencesOf(PreferencesRequest request, @Nullable String acceptLanguage) {
        List<FieldProblem> problems = new ArrayList<>();
        String timezone = request.timezone() == null ? "" : request.timezone().strip();
        if (timezone.isEmpty()) {
            problems.add(new FieldProblem("timezone", "is required"));
        } else {
            SettingsRules.timezoneProblem(timezone).ifPresent(problem -> problems.add(new FieldProblem("timezone", problem)));
        }
        QuietHours quietHours = null;
        if (request.quietHours() != null) {
            LocalTime from = time(request.quietHours().from(), "quietHours.from", problems);
            LocalTime to = time(request.quietHours().to(), "quietHours.to", problems);
            if (from != null && to != null) {
                quietHours = new QuietHours(from, to);
            }
        }
        String language = request.language() != null ? request.language().strip() : languageOf(acceptLanguage);
        SettingsRules.languageProblem(language).ifPresent(problem -> problems.add(new FieldProblem("language", problem)));
        if (!problems.isEmpty()) {
            throw new InvalidFields(ErrorCode.VALIDATION_FAILED, "The request has invalid fields.", problems);
        }
        return new NotificationPreferences(timezone, quietHours, request.channels() == null ? Map.of() : withoutNulls(request.channels()),
                request.categories() == null ? Map.of() : categoriesWithoutNulls(request.categories()), language);
    }

    private static @Nullable LocalTime time(@Nullable String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required, as HH:mm"));
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a local time as HH:mm, such as 22:00"));
            return null;
        }
    }

    private static String languageOf(@Nullable String acceptLanguage) {
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
                if (!ranges.isEmpty()) {
                    String primary = Locale.forLanguageTag(ranges.getFirst().getRange()).getLanguage();
                    if (SettingsRules.languageProblem(primary).isEmpty()) {
                        return primary;
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed header says nothing about the language
            }
        }
        return NotificationPreferences.DEFAULT_LANGUAGE;
    }

    private static Map<NotificationChannel, Boolean> withoutNulls(Map<NotificationChannel, Boolean> given) {
        Map<NotificationChannel, Boolean> kept = new EnumMap<>(NotificationChannel.class);
        given.forEach((channel, on) -> {
            if (channel != null && on != null) {
                kept.put(channel, on);
            }
        });
        return kept;
    }

    private static Map<NotificationCategory, Map<NotificationChannel, Boolean>> categoriesWithoutNulls(
            Map<NotificationCategory, Map<NotificationChannel, Boolean>> given) {
        Map<NotificationCategory, Map<NotificationChannel, Boolean>> kept = new EnumMap<>(NotificationCategory.class);
        given.forEach((category, row) -> {
            if (category != null && row != null) {
                kept.put(category, withoutNulls(row));
            }
        });
        return kept;
    }

    private static PreferencesView viewOf(NotificationPreferences preferences, long version) {
        Map<NotificationCategory, Map<NotificationChannel, Boolean>> categories = new EnumMap<>(NotificationCategory.class);
        preferences.categories().forEach((category, row) -> categories.put(category, new EnumMap<>(row)));
        QuietHours quiet = preferences.quietHours();
        return new PreferencesView(preferences.timezone(), quiet == null ? null : new QuietHoursBody(quiet.from().format(HOURS), quiet.to().format(HOURS)),
                new EnumMap<>(preferences.channels()), categories, preferences.language(), version);
    }

    // ---- Problems the API names field by field ------------------------------------------------------------------

    record FieldProblem(String field, String message) {
    }

    /** A refusal that names the fields at fault; answered here, as the API's problem details with {@code errors}. */
    static final class InvalidFields extends SoireeException {

        private final List<FieldProblem> errors;

        InvalidFields(ErrorCode code, String message, List<FieldProblem> errors) {
            super(code, message);
            this.errors = List.copyOf(errors);
        }
    }

    @ExceptionHandler(InvalidFields.class)
    ResponseEntity<ProblemDetail> invalidFields(InvalidFields e) {
        ProblemDetail problem = problem(e);
        problem.setProperty("errors", e.errors);
        return respond(problem);
    }

    @ExceptionHandler(PhoneVerification.VerificationFailed.class)
    ResponseEntity<ProblemDetail> verificationFailed(PhoneVerification.VerificationFailed e) {
        ProblemDetail problem = problem(e);
        problem.setProperty("attemptsLeft", e.attemptsLeft());
        return respond(problem);
    }

    private static ProblemDetail problem(SoireeException e) {
        HttpStatus status = HttpStatus.valueOf(e.code().httpStatus());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(URI.create("https://soiree.app/problems/" + e.code().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", e.code().name());
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
