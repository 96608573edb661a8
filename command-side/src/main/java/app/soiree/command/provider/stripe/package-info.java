/** Stripe as every context meets it: its settings, its client, its signed webhook and the payload helpers. */
@NullMarked
package app.soiree.command.provider.stripe;

import org.jspecify.annotations.NullMarked;
