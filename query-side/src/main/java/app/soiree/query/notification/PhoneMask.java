package app.soiree.query.notification;

import org.jspecify.annotations.Nullable;

/** A phone number as the read model keeps it: enough to recognise ({@code +33•••••••78}), never enough to dial. */
final class PhoneMask {

    static final char HIDDEN = '•';
    private static final int SHOWN_AT_START = 2;
    private static final int SHOWN_AT_END = 2;

    private PhoneMask() {
    }

    static @Nullable String mask(@Nullable String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.strip().replaceAll("[^0-9]", "");
        String prefix = phone.strip().startsWith("+") ? "+" : "";
        if (digits.length() <= SHOWN_AT_START + SHOWN_AT_END + 2) {
            // Too short to show both ends and still hide something: only the last two digits.
            int shown = Math.min(SHOWN_AT_END, Math.max(0, digits.length() - 2));
            return prefix + String.valueOf(HIDDEN).repeat(digits.length() - shown) + digits.substring(digits.length() - shown);
        }
        return prefix + digits.substring(0, SHOWN_AT_START) + String.valueOf(HIDDEN).repeat(digits.length() - SHOWN_AT_START - SHOWN_AT_END)
                + digits.substring(digits.length() - SHOWN_AT_END);
    }
}
