/**
 * The ledger's vocabulary: postings between accounts, which every event that moves money carries.
 * The journal, balances and wallets are projections of those postings.
 */
@NullMarked
package app.soiree.api.ledger;

import org.jspecify.annotations.NullMarked;
