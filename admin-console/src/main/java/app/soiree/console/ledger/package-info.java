/** Finance's view of the ledger: trial balance, account statements and replays. */
@NullMarked
package app.soiree.console.ledger;

import org.jspecify.annotations.NullMarked;
