/**
 * Disputes: support's work on a provider's dispute (evidence, files, submission, acceptance, the evidence
 * deadline), the provider adapters that carry it out, and the tracker that opens and closes a dispute
 * after the payment has booked the provider's word.
 */
@NullMarked
package app.soiree.command.dispute;

import org.jspecify.annotations.NullMarked;
