package app.soiree.command.provider;

import org.jspecify.annotations.Nullable;

/**
 * A provider event in Soiree's terms: the command it means, or none with the reason why. Events that
 * concern nothing of ours, or that change nothing here (an unknown type, "processing"), carry no
 * command. Commands must be idempotent: the same event may be applied again after a crash.
 */
public record ProviderEvent(String eventId, String type, @Nullable Object command, String note) {

    public static ProviderEvent command(String eventId, String type, Object command) {
        return new ProviderEvent(eventId, type, command, "applied: " + command.getClass().getSimpleName());
    }

    public static ProviderEvent ignored(String eventId, String type, String why) {
        return new ProviderEvent(eventId, type, null, "ignored: " + why);
    }

    public static ProviderEvent ignored(String eventId, String type) {
        return ignored(eventId, type, type + " changes nothing here");
    }
}
