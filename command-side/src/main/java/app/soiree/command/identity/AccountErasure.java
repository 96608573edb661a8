package app.soiree.command.identity;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.InvalidFieldsException;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.ErasePersonalData;
import app.soiree.api.identity.Role;
import app.soiree.api.identity.UserId;
import app.soiree.api.ledger.FindWallet;
import app.soiree.api.ledger.WalletBalanceView;
import app.soiree.api.ledger.WalletView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The right to erasure, asked by users for themselves (their password confirms it) or by an admin for anyone.
 * Either way it is one command on the user's aggregate; what it erases follows from its event
 * ({@link ErasedAccounts} and each context's read models).
 *
 * <p>A user's own request waits while the platform still owes them money: a host with pending, available,
 * reserved or held earnings must be paid out (or have finance settle them) first, as marketplaces that pay
 * people out do, since an erased host can no longer sign in to receive what they are owed. An admin's request
 * is not held back: it answers a legal demand, the money stays in the ledger under the host's id, and finance
 * settles it without the person's name. Ids, amounts and postings are never erased.
 */
@Service
class AccountErasure {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final LoginRateLimiter rateLimiter;
    private final CommandGateway commands;
    private final QueryGateway queries;

    AccountErasure(AccountRepository accounts, PasswordEncoder passwordEncoder, LoginRateLimiter rateLimiter,
                   CommandGateway commands, QueryGateway queries) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.rateLimiter = rateLimiter;
        this.commands = commands;
        this.queries = queries;
    }

    /** The caller's own erasure; guessing the password here is rate limited as signing in is. */
    void eraseOwn(UserId userId, String password, String clientAddress) {
        Account account = accounts.findById(userId.value()).orElseThrow(() -> SoireeException.notFound("Account"));
        if (account.isErased()) {
            return; // a token issued before the erasure may still ask again: it is done
        }
        rateLimiter.acquire(account.email(), clientAddress);
        if (!passwordEncoder.matches(password, account.passwordHash())) {
            throw InvalidFieldsException.of("password", "is not this account's password");
        }
        if (account.roles().contains(Role.HOST) && owedMoney(userId)) {
            throw new SoireeException(ErrorCode.ERASURE_BLOCKED,
                    "The platform still owes this host money (pending, available, reserved or held earnings); it is paid out first");
        }
        commands.sendAndWait(new ErasePersonalData(userId, null));
    }

    /** An admin's erasure of any account; {@code reason} is kept as the audit's note of why. */
    void eraseByStaff(UserId userId, @Nullable String reason) {
        if (!accounts.existsById(userId.value())) {
            throw SoireeException.notFound("User " + userId);
        }
        commands.sendAndWait(new ErasePersonalData(userId, reason));
    }

    private boolean owedMoney(UserId hostId) {
        WalletView wallet = queries.query(new FindWallet(hostId), ResponseTypes.instanceOf(WalletView.class)).join();
        return wallet.balances().stream().anyMatch(AccountErasure::isOwed);
    }

    private static boolean isOwed(WalletBalanceView balance) {
        return balance.pending().amountMinor() != 0 || balance.available().amountMinor() != 0
                || balance.reserved().amountMinor() != 0 || balance.disputeHold().amountMinor() != 0;
    }
}
