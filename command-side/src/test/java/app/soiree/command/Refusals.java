package app.soiree.command;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a command handler's refusal by its stable error code, never by message text. */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<Throwable> refusedWith(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return thrown instanceof SoireeException refusal && refusal.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with code ").appendValue(code);
            }
        };
    }
}
