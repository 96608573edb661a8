/**
 * The staff console (Vaadin Flow): support resolves disputes and moderates reported chat messages,
 * finance approves payouts and audits the ledger. It talks to the rest of Soiree only through Axon's command and query gateways with
 * shared-api messages. Active only in processes whose {@code soiree.roles} include {@code console}.
 */
@NullMarked
package app.soiree.console;

import org.jspecify.annotations.NullMarked;
