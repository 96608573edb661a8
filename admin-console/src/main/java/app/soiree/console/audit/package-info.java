/**
 * Tamper evidence for finance: verifications of the hash chain over the stored events, and the daily chain heads to
 * hand to a notary. (An entity's own events and a story across entities are the lookup's audit and causal timelines.)
 */
@NullMarked
package app.soiree.console.audit;

import org.jspecify.annotations.NullMarked;
