/**
 * Support's work on disputes (chargebacks): the queue, soonest evidence due date first and refreshed as disputes
 * open and change, and each dispute's page, where support adds evidence, submits it to the provider or accepts the
 * loss, every action in their own name.
 */
@NullMarked
package app.soiree.console.dispute;

import org.jspecify.annotations.NullMarked;
