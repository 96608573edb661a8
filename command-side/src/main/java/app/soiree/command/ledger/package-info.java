/**
 * Host wallets: a gathering's earnings wait in {@code host:{id}:pending} until a durable deadline
 * after its end releases them to {@code host:{id}:available}; a cancelled gathering's never are.
 */
@NullMarked
package app.soiree.command.ledger;

import org.jspecify.annotations.NullMarked;
