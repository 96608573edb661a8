/**
 * The write side: aggregates that decide, sagas that coordinate, the REST controllers that turn
 * requests into commands, and the adapters that talk to payment and messaging providers. Active
 * only in processes whose {@code soiree.roles} include {@code command}.
 */
@NullMarked
package app.soiree.command;

import org.jspecify.annotations.NullMarked;
