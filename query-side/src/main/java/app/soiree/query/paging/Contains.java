package app.soiree.query.paging;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Turns a search box's text into a SQL {@code like} pattern for "contains it, in any case". */
public final class Contains {

    private Contains() {
    }

    /**
     * {@code %text%} in lower case, with {@code %}, {@code _} and the escape character {@code \} (PostgreSQL's
     * default for {@code like}) taken literally; {@code %} (everything) when there is no text. Compare it with a
     * lower-cased column.
     */
    public static String pattern(@Nullable String search) {
        if (search == null || search.isBlank()) {
            return "%";
        }
        String literal = search.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + literal + "%";
    }
}
