/**
 * The simulated refund provider: no money moves; each refund is remembered and its outcome reported
 * through the provider inbox like a webhook, chosen by configuration or by a development endpoint.
 */
@NullMarked
package app.soiree.command.refund.simulated;

import org.jspecify.annotations.NullMarked;
