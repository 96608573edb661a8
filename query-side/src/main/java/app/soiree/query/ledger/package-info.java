/**
 * The journal of postings, built from every event that moves money, and what is read from it: trial
 * balances and account statements for finance, wallets for hosts.
 */
@NullMarked
package app.soiree.query.ledger;

import org.jspecify.annotations.NullMarked;
