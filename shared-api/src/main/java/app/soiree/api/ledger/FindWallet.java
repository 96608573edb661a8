package app.soiree.api.ledger;

import app.soiree.api.identity.UserId;

public record FindWallet(UserId hostId) {
}
