/** Disputes with the simulated provider: opened and decided through the development endpoint, reported through the inbox. */
@NullMarked
package app.soiree.command.dispute.simulated;

import org.jspecify.annotations.NullMarked;
