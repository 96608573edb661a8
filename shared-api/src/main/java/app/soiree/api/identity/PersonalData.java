package app.soiree.api.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of an event that holds personal data: it is stored in the event stream sealed with the key of
 * the person it belongs to, a key kept outside the stream, so that erasing that person (destroying the
 * key) leaves the field unreadable in every stored event and every replay while the rest of the event
 * (ids, amounts, postings) stays as it was. Events are written and read as plain records; the sealing is
 * done by the event serializer, and a field whose key is gone reads as {@link #ERASED}.
 *
 * <p>{@link #subject()} names the component of the same event that holds the owner's {@code UserId}. On a
 * record nested in an event (a notification's content) the subject is left empty: the nested record's
 * own {@code PersonalData} fields take the subject named where the event holds the nested record.
 * Only {@code String} fields (and named entries of a {@code Map<String, String>}) are sealed, and nested records one
 * level deep.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {

    /** What a personal field reads as once its owner has been erased: plainly not a name, an address or a number. */
    String ERASED = "[erased]";

    /** The event component that holds the owner's {@code UserId}; empty inside a nested record. */
    String subject() default "";

    /**
     * Other people this text is also about: where their user ids are, in the record that holds this field, a dot
     * reaching into a map ({@code "data.actorId"}). A notification to Ada that says "Ben follows you" is Ada's and
     * Ben's: it is sealed under each owner's key in turn and reads as {@link #ERASED} once either is erased. An id
     * that is absent is skipped.
     */
    String[] alsoOwnedBy() default {};

    /**
     * On a {@code Map<String, String>}: the entries that are personal, each as {@code "nameKey=idKey"}: entry
     * {@code nameKey} is sealed under the key of the user whose id is in entry {@code idKey} of the same map.
     */
    String[] entries() default {};
}
