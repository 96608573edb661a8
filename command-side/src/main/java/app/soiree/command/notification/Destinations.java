package app.soiree.command.notification;

/** Where a message went, masked for the audit: enough to recognise the address, not enough to reuse it. */
public final class Destinations {

    private static final char BULLET = '\u2022';

    private Destinations() {
    }

    /** {@code +33612345678} → {@code +33••••••78}, always six bullets (the length says nothing); {@code whatsapp:} is dropped first. */
    public static String maskPhone(String phone) {
        String number = phone.startsWith("whatsapp:") ? phone.substring("whatsapp:".length()) : phone;
        if (number.length() <= 5) {
            return String.valueOf(BULLET).repeat(number.length());
        }
        return number.substring(0, 3) + String.valueOf(BULLET).repeat(6) + number.substring(number.length() - 2);
    }

    /** {@code ana@example.com} → {@code a•••@example.com}. */
    public static String maskEmail(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return String.valueOf(BULLET).repeat(3);
        }
        return email.charAt(0) + String.valueOf(BULLET).repeat(3) + email.substring(at);
    }
}
