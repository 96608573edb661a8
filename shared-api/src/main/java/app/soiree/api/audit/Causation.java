package app.soiree.api.audit;

/**
 * The metadata keys that tie each message to the one whose handling produced it, so that support can follow a
 * story across aggregates: a webhook's command, the events it made, the saga's command on one of them, the events
 * of that, a deadline scheduled on the way and what it made when it came due.
 *
 * <p>Messages stored before these keys existed carry Axon's own pair instead: {@code correlationId} then held the
 * <em>parent's</em> id (what is now {@link #CAUSATION_ID_KEY}) and {@link #LEGACY_ROOT_KEY} the root's. A message
 * is new-style exactly when it has {@link #CAUSATION_ID_KEY}; readers map the old pair accordingly.
 */
public final class Causation {

    /** The id of the message (command, event or deadline) whose handling produced this one. */
    public static final String CAUSATION_ID_KEY = "causationId";
    /** What that message was, as {@code command:CapturePayment}, {@code event:PaymentCaptured} or {@code deadline:holdExpiry}. */
    public static final String CAUSATION_TYPE_KEY = "causationType";
    /** The id of the first message of the chain: the command a user, a provider or the platform sent. */
    public static final String CORRELATION_ID_KEY = "correlationId";
    /**
     * The nearest <em>event</em> among the causes: the cause itself when it is an event, else the one its cause
     * inherited. Commands and deadlines are not stored; this is what lets a timeline of stored events draw the chain.
     */
    public static final String CAUSING_EVENT_ID_KEY = "causingEventId";
    /** On what a deadline made: the id of the message whose handling scheduled the deadline. */
    public static final String SCHEDULED_BY_KEY = "scheduledBy";
    /** Axon 4's root id, in messages stored before {@link #CAUSATION_ID_KEY}. */
    public static final String LEGACY_ROOT_KEY = "traceId";

    private Causation() {
    }
}
