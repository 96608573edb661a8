package app.soiree.console.platform;

/** How the console's CSV exports write a text field. */
public final class Csv {

    private Csv() {
    }

    /**
     * A text field, quoted as RFC 4180 wants. A leading {@code = + - @} would make a spreadsheet run
     * the cell as a formula, so such text gets a leading apostrophe.
     */
    public static String text(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
