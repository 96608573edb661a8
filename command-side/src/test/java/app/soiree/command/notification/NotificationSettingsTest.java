package app.soiree.command.notification;

import static app.soiree.command.Refusals.refusedWith;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.identity.UserId;
import app.soiree.api.notification.AllNotificationsRead;
import app.soiree.api.notification.ChangeChannelOptOut;
import app.soiree.api.notification.ChangeNotificationPreferences;
import app.soiree.api.notification.ChangeWhatsAppConsent;
import app.soiree.api.notification.ChannelOptOutChanged;
import app.soiree.api.notification.MarkAllNotificationsRead;
import app.soiree.api.notification.NotificationCategory;
import app.soiree.api.notification.NotificationChannel;
import app.soiree.api.notification.NotificationPreferences;
import app.soiree.api.notification.NotificationPreferencesChanged;
import app.soiree.api.notification.NotificationSettingsCommand;
import app.soiree.api.notification.OpenWhatsAppWindow;
import app.soiree.api.notification.PhoneNumberVerified;
import app.soiree.api.notification.QuietHours;
import app.soiree.api.notification.RecordVerifiedPhone;
import app.soiree.api.notification.WhatsAppConsentChanged;
import app.soiree.api.notification.WhatsAppWindowOpened;
import app.soiree.command.FixtureClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

class NotificationSettingsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final UserId ANA = new UserId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final String PHONE = "+33612345678";

    private AggregateTestFixture<NotificationSettings> fixture;

    private TestExecutor<NotificationSettings> given(Object... events) {
        fixture = new AggregateTestFixture<>(NotificationSettings.class);
        fixture.registerInjectableResource(new FixtureClock(() -> fixture.currentTime()));
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    private static NotificationPreferences parisQuietNights() {
        return new NotificationPreferences("Europe/Paris", new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)),
                Map.of(NotificationChannel.SMS, false), Map.of(NotificationCategory.SOCIAL, Map.of(NotificationChannel.EMAIL, false)), "fr");
    }

    @Test
    void theCommandsNameTheSettingsAggregateThroughTheInterfacesDefaultMethod() {
        // Axon resolves @TargetAggregateIdentifier on NotificationSettingsCommand.settingsId(): the first command creates the
        // settings under that id, the second one finds them (a wrong id would create a second aggregate and a version 1 again).
        given().andGivenCommands(new ChangeWhatsAppConsent(ANA, true))
                .when(new ChangeNotificationPreferences(ANA, parisQuietNights()))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(2L);
    }

    @Test
    void firstPreferencesCreateTheSettingsAtVersionOne() {
        given()
                .when(new ChangeNotificationPreferences(ANA, parisQuietNights()))
                .expectEvents(new NotificationPreferencesChanged(ANA, parisQuietNights(), 1, NOW))
                .expectResultMessagePayload(1L);
    }

    @Test
    void theSamePreferencesAgainChangeNothingAndAnswerTheCurrentVersion() {
        given(new NotificationPreferencesChanged(ANA, parisQuietNights(), 1, NOW), new WhatsAppConsentChanged(ANA, true, 2, NOW))
                .when(new ChangeNotificationPreferences(ANA, parisQuietNights()))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void everyDecidingChangeBumpsTheVersion() {
        given(new NotificationPreferencesChanged(ANA, parisQuietNights(), 1, NOW), new PhoneNumberVerified(ANA, PHONE, 2, NOW))
                .when(new ChangeNotificationPreferences(ANA, NotificationPreferences.defaults()))
                .expectEvents(new NotificationPreferencesChanged(ANA, NotificationPreferences.defaults(), 3, NOW))
                .expectResultMessagePayload(3L);
    }

    @Test
    void refusesToSilenceACriticalKindOnEmail() {
        NotificationPreferences noTransactionalEmail = new NotificationPreferences("UTC", null, Map.of(),
                Map.of(NotificationCategory.TRANSACTIONAL, Map.of(NotificationChannel.EMAIL, false)), "en");
        given()
                .when(new ChangeNotificationPreferences(ANA, noTransactionalEmail))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.CRITICAL_NOT_OPTIONAL))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("categories.TRANSACTIONAL.EMAIL"));
    }

    @Test
    void switchingEmailOffAltogetherIsAllowedBecauseCriticalKindsStillGoByEmail() {
        NotificationPreferences noEmail = new NotificationPreferences("UTC", null, Map.of(NotificationChannel.EMAIL, false), Map.of(), "en");
        given()
                .when(new ChangeNotificationPreferences(ANA, noEmail))
                .expectEvents(new NotificationPreferencesChanged(ANA, noEmail, 1, NOW));
    }

    @Test
    void refusesATimeZoneThatIsNotAnIanaZone() {
        for (String zone : new String[] {"Mars/Olympus", "+02:00", "CEST"}) {
            given()
                    .when(new ChangeNotificationPreferences(ANA, new NotificationPreferences(zone, null, Map.of(), Map.of(), "en")))
                    .expectNoEvents()
                    .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
        }
    }

    @Test
    void refusesALanguageThatIsNotOne() {
        given()
                .when(new ChangeNotificationPreferences(ANA, new NotificationPreferences("UTC", null, Map.of(), Map.of(), "klingon!")))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void aVerifiedPhoneIsRecordedOnceAndANewNumberClearsTheOptOuts() {
        given().when(new RecordVerifiedPhone(ANA, PHONE))
                .expectEvents(new PhoneNumberVerified(ANA, PHONE, 1, NOW));
        given(new PhoneNumberVerified(ANA, PHONE, 1, NOW)).when(new RecordVerifiedPhone(ANA, PHONE))
                .expectNoEvents();
        given(new PhoneNumberVerified(ANA, PHONE, 1, NOW), new ChannelOptOutChanged(ANA, NotificationChannel.SMS, true, 2, NOW))
                .andGivenCommands(new RecordVerifiedPhone(ANA, "+33699999999"))
                .when(new ChangeChannelOptOut(ANA, NotificationChannel.SMS, false))
                .expectNoEvents(); // the new number is not opted out
    }

    @Test
    void refusesAPhoneThatIsNotE164() {
        given().when(new RecordVerifiedPhone(ANA, "06 12 34 56 78"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void whatsAppConsentChangesOnlyWhenItChanges() {
        given().when(new ChangeWhatsAppConsent(ANA, true))
                .expectEvents(new WhatsAppConsentChanged(ANA, true, 1, NOW));
        given(new WhatsAppConsentChanged(ANA, true, 1, NOW)).when(new ChangeWhatsAppConsent(ANA, true))
                .expectNoEvents();
        given(new WhatsAppConsentChanged(ANA, true, 1, NOW)).when(new ChangeWhatsAppConsent(ANA, false))
                .expectEvents(new WhatsAppConsentChanged(ANA, false, 2, NOW));
    }

    @Test
    void stopAndStartMoveTheOptOutOfOneChannel() {
        given(new PhoneNumberVerified(ANA, PHONE, 1, NOW))
                .when(new ChangeChannelOptOut(ANA, NotificationChannel.WHATSAPP, true))
                .expectEvents(new ChannelOptOutChanged(ANA, NotificationChannel.WHATSAPP, true, 2, NOW));
        given(new PhoneNumberVerified(ANA, PHONE, 1, NOW), new ChannelOptOutChanged(ANA, NotificationChannel.WHATSAPP, true, 2, NOW))
                .when(new ChangeChannelOptOut(ANA, NotificationChannel.WHATSAPP, true))
                .expectNoEvents();
        given(new PhoneNumberVerified(ANA, PHONE, 1, NOW), new ChannelOptOutChanged(ANA, NotificationChannel.WHATSAPP, true, 2, NOW))
                .when(new ChangeChannelOptOut(ANA, NotificationChannel.SMS, true))
                .expectEvents(new ChannelOptOutChanged(ANA, NotificationChannel.SMS, true, 3, NOW));
        given(new PhoneNumberVerified(ANA, PHONE, 1, NOW), new ChannelOptOutChanged(ANA, NotificationChannel.WHATSAPP, true, 2, NOW))
                .when(new ChangeChannelOptOut(ANA, NotificationChannel.WHATSAPP, false))
                .expectEvents(new ChannelOptOutChanged(ANA, NotificationChannel.WHATSAPP, false, 3, NOW));
    }

    @Test
    void emailCannotBeOptedOutOfByStop() {
        given().when(new ChangeChannelOptOut(ANA, NotificationChannel.EMAIL, true))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void theWhatsAppWindowOnlyMovesForwardAndIsNoVersionChange() {
        Instant until = NOW.plus(Duration.ofHours(24));
        given().when(new OpenWhatsAppWindow(ANA, until))
                .expectEvents(new WhatsAppWindowOpened(ANA, until, NOW));
        given(new WhatsAppWindowOpened(ANA, until, NOW)).when(new OpenWhatsAppWindow(ANA, until.minusSeconds(60)))
                .expectNoEvents();
        given(new WhatsAppWindowOpened(ANA, until, NOW), new WhatsAppConsentChanged(ANA, true, 1, NOW))
                .andGivenCommands(new OpenWhatsAppWindow(ANA, until.plusSeconds(60)))
                .when(new ChangeWhatsAppConsent(ANA, false))
                .expectEvents(new WhatsAppConsentChanged(ANA, false, 2, NOW));
    }

    @Test
    void readAllMovesOnlyForward() {
        given().when(new MarkAllNotificationsRead(ANA, NOW))
                .expectEvents(new AllNotificationsRead(ANA, NOW, NOW));
        given(new AllNotificationsRead(ANA, NOW, NOW)).when(new MarkAllNotificationsRead(ANA, NOW))
                .expectNoEvents();
        given(new AllNotificationsRead(ANA, NOW, NOW)).when(new MarkAllNotificationsRead(ANA, NOW.plusSeconds(1)))
                .expectEvents(new AllNotificationsRead(ANA, NOW.plusSeconds(1), NOW));
    }

    @Test
    void theSettingsIdIsNotTheUsersOwnId() {
        org.assertj.core.api.Assertions.assertThat(NotificationSettingsCommand.settingsIdOf(ANA)).isEqualTo("notification-settings:" + ANA);
    }
}
