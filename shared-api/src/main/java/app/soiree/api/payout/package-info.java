/**
 * Payouts: a host's earnings leave the platform. The host's wallet decides whether a payout fits what
 * is available and reserves it at once; the payout waits for the approvals its size needs, is sent to
 * the host's connected account at the provider, and ends paid, failed or rejected (funds returned).
 */
@NullMarked
package app.soiree.api.payout;

import org.jspecify.annotations.NullMarked;
