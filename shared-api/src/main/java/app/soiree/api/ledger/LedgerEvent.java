package app.soiree.api.ledger;

import java.util.List;

/**
 * An event that moves money. Its postings balance per currency; the journal, balances and wallets
 * are built from these events alone, so a replay of the stream rebuilds them exactly.
 */
public interface LedgerEvent {

    List<Posting> postings();

    /** The business object behind the movement, as {@code kind:id} (e.g. {@code payment:…}, {@code gathering:…}). */
    String reference();
}
