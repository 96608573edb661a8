package app.soiree.api.ledger;

import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;

/**
 * A money event that changes what a host earned from one gathering: it posts to
 * {@code host:{id}:pending} (a capture credits it; a refund or a dispute takes from it; a won dispute
 * gives back). Each gathering's earnings follow these postings, so whatever reaches pending after the
 * release is moved on to available as well, and nothing stays behind in pending.
 */
public interface HostEarningsEvent extends LedgerEvent {

    GatheringId gatheringId();

    UserId hostId();
}
