package app.soiree.command.provider;

/**
 * Reads one family of a provider's events (payments, refunds, disputes, payout accounts, transfers)
 * into the command each means. The inbox asks the active provider's translators in turn for every
 * stored event; a type no translator claims is stored and ignored. Translation may ask the provider
 * for details, but must not change anything: the command it returns does that, idempotently.
 */
public interface ProviderEventTranslator {

    /** The provider whose events this reads. */
    ProviderName provider();

    boolean translates(String eventType);

    ProviderEvent translate(String eventId, String eventType, String payload);
}
