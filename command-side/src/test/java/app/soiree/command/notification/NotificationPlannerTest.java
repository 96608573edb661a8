package app.soiree.command.notification;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.identity.UserId;
import app.soiree.api.notification.DeliveryPlan;
import app.soiree.api.notification.NotificationCategory;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationKind;
import app.soiree.api.notification.NotificationPreferences;
import app.soiree.api.notification.QuietHours;
import app.soiree.api.notification.SkipReason;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The planner's rules for each channel, quiet hours across a daylight-saving change, and the texts. */
class NotificationPlannerTest {

    static final UserId ANA = new UserId(new UUID(0, 1));
    static final QuietHours NIGHTS = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

    static Recipient ana(NotificationPreferences preferences, @Nullable String phone, boolean whatsappConsent, boolean smsOptedOut) {
        return new Recipient(ANA, "ana@example.com", "Ana", "", preferences, 3, phone, smsOptedOut, false, whatsappConsent, null);
    }

    static NotificationPreferences prefs(@Nullable QuietHours quiet, Map<NotificationChannel, Boolean> channels,
                                         Map<NotificationCategory, Map<NotificationChannel, Boolean>> categories) {
        return new NotificationPreferences("Europe/Paris", quiet, channels, categories, "en");
    }

    static DeliveryPlan decide(NotificationKind kind, NotificationChannel channel, Recipient recipient, Instant due) {
        return NotificationPlanner.decide(kind, channel, recipient, due, due.plus(kind.freshFor()));
    }

    @Test
    void criticalKindsAlwaysReachInAppAndEmail() {
        Recipient silent = ana(prefs(null, Map.of(NotificationChannel.EMAIL, false), Map.of()), null, false, false);
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(decide(NotificationKind.GATHERING_CANCELLED, NotificationChannel.EMAIL, silent, now))
                .isEqualTo(DeliveryPlan.send(NotificationChannel.EMAIL));
        assertThat(decide(NotificationKind.BOOKING_CONFIRMED, NotificationChannel.EMAIL, silent, now))
                .isEqualTo(DeliveryPlan.skip(NotificationChannel.EMAIL, SkipReason.CHANNEL_OFF));
        Recipient noSocialMail = ana(prefs(null, Map.of(), Map.of(NotificationCategory.SOCIAL, Map.of(NotificationChannel.EMAIL, false))),
                null, false, false);
        assertThat(decide(NotificationKind.NEW_FOLLOWER, NotificationChannel.EMAIL, noSocialMail, now))
                .isEqualTo(DeliveryPlan.skip(NotificationChannel.EMAIL, SkipReason.PREFERENCE_OFF));
        assertThat(decide(NotificationKind.NEW_FOLLOWER, NotificationChannel.IN_APP, noSocialMail, now))
                .isEqualTo(DeliveryPlan.send(NotificationChannel.IN_APP));
    }

    @Test
    void phonesMustBeVerifiedConsentedAndNotOptedOut() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        NotificationPreferences defaults = NotificationPreferences.defaults();
        assertThat(decide(NotificationKind.BOOKING_CONFIRMED, NotificationChannel.SMS, ana(defaults, null, false, false), now))
                .isEqualTo(DeliveryPlan.skip(NotificationChannel.SMS, SkipReason.NO_VERIFIED_PHONE));
        assertThat(decide(NotificationKind.BOOKING_CONFIRMED, NotificationChannel.WHATSAPP, ana(defaults, "+33612345678", false, false), now))
                .isEqualTo(DeliveryPlan.skip(NotificationChannel.WHATSAPP, SkipReason.NO_WHATSAPP_CONSENT));
        assertThat(decide(NotificationKind.BOOKING_CONFIRMED, NotificationChannel.WHATSAPP, ana(defaults, "+33612345678", true, false), now))
                .isEqualTo(DeliveryPlan.send(NotificationChannel.WHATSAPP));
        assertThat(decide(NotificationKind.BOOKING_CONFIRMED, NotificationChannel.SMS, ana(defaults, "+33612345678", false, true), now))
                .isEqualTo(DeliveryPlan.skip(NotificationChannel.SMS, SkipReason.OPTED_OUT));
        assertThat(decide(NotificationKind.CHAT_UNREAD, NotificationChannel.SMS, ana(defaults, "+33612345678", false, false), now))
                .isEqualTo(DeliveryPlan.skip(NotificationChannel.SMS, SkipReason.PREFERENCE_OFF));
    }

    @Test
    void quietHoursHoldBackTextsUntilMorningInTheRecipientsZoneAcrossADaylightSavingChange() {
        Recipient sleeper = ana(prefs(NIGHTS, Map.of(), Map.of()), "+33612345678", true, false);
        // 2026-10-24 23:30 in Paris is 21:30Z (summer time); the clocks go back that night, so 07:00 the next morning is 06:00Z
        Instant lateEvening = Instant.parse("2026-10-24T21:30:00Z");
        DeliveryPlan held = NotificationPlanner.decide(NotificationKind.PAYOUT_PAID, NotificationChannel.SMS, sleeper, lateEvening,
                lateEvening.plus(Duration.ofDays(1)));
        assertThat(held).isEqualTo(DeliveryPlan.after(NotificationChannel.SMS, Instant.parse("2026-10-25T06:00:00Z")));
        // and in spring, when they go forward, 07:00 is 05:00Z
        Instant springNight = Instant.parse("2027-03-28T00:30:00Z");
        assertThat(NotificationPlanner.decide(NotificationKind.PAYOUT_PAID, NotificationChannel.SMS, sleeper, springNight,
                springNight.plus(Duration.ofDays(1)))).isEqualTo(DeliveryPlan.after(NotificationChannel.SMS, Instant.parse("2027-03-28T05:00:00Z")));
        // urgent kinds never wait; email and in-app are not held back
        assertThat(decide(NotificationKind.GATHERING_CANCELLED, NotificationChannel.SMS, sleeper, lateEvening))
                .isEqualTo(DeliveryPlan.send(NotificationChannel.SMS));
        assertThat(decide(NotificationKind.PAYOUT_PAID, NotificationChannel.EMAIL, sleeper, lateEvening))
                .isEqualTo(DeliveryPlan.send(NotificationChannel.EMAIL));
        // a reminder that would only arrive after it stops mattering is dropped
        assertThat(NotificationPlanner.decide(NotificationKind.GATHERING_REMINDER, NotificationChannel.SMS, sleeper, lateEvening,
                lateEvening.plus(Duration.ofHours(1)))).isEqualTo(DeliveryPlan.skip(NotificationChannel.SMS, SkipReason.QUIET_HOURS_STALE));
        // outside the quiet hours, at once
        Instant noon = Instant.parse("2026-10-25T11:00:00Z");
        assertThat(decide(NotificationKind.PAYOUT_PAID, NotificationChannel.SMS, sleeper, noon)).isEqualTo(DeliveryPlan.send(NotificationChannel.SMS));
    }

    @Test
    void preferencesThatWouldSilenceACriticalKindAreNamed() {
        NotificationPreferences refused = prefs(null, Map.of(),
                Map.of(NotificationCategory.TRANSACTIONAL, Map.of(NotificationChannel.EMAIL, false, NotificationChannel.SMS, false)));
        assertThat(refused.criticalSwitchedOff()).containsExactly("categories.TRANSACTIONAL.EMAIL");
        assertThat(NotificationPreferences.defaults().criticalSwitchedOff()).isEmpty();
    }

    @Test
    void textsAreWrittenInTheRecipientsLanguageWithLocalTimes() {
        NotificationTexts texts = new NotificationTexts();
        Map<String, String> data = Map.of("gatheringTitle", "Supper <club>", "startsAt", "2026-12-05T19:00:00Z", "timezone", "Europe/Paris",
                "quantity", "2");
        NotificationTexts.Rendered english = texts.render(NotificationKind.BOOKING_CONFIRMED, "en", java.time.ZoneOffset.UTC, data);
        assertThat(english.title()).isEqualTo("You're going to Supper <club>");
        assertThat(english.body()).contains("2 seat(s)").contains("8:00");
        NotificationTexts.Rendered french = texts.render(NotificationKind.BOOKING_CONFIRMED, "fr", java.time.ZoneOffset.UTC, data);
        assertThat(french.title()).isEqualTo("Vous participez à Supper <club>");
        assertThat(french.body()).contains("20:00");
        NotificationTexts.Rendered unknown = texts.render(NotificationKind.BOOKING_CONFIRMED, "xx", java.time.ZoneOffset.UTC, data);
        assertThat(unknown.title()).isEqualTo(english.title());
    }
}
