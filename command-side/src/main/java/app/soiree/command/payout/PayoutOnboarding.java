package app.soiree.command.payout;

import app.soiree.api.identity.UserId;
import app.soiree.api.payout.HostWalletId;
import app.soiree.api.payout.OpenPayoutAccount;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * A host's way to a connected account: the account is created once (looked up first, and created under an
 * idempotency key derived from the host), recorded on the host's wallet, and a fresh onboarding link to it
 * is handed out every time (links expire within minutes).
 */
@Component
class PayoutOnboarding {

    private final PayoutProvider provider;
    private final PayoutAccountLookup accounts;
    private final CommandGateway commands;

    PayoutOnboarding(PayoutProvider provider, PayoutAccountLookup accounts, CommandGateway commands) {
        this.provider = provider;
        this.accounts = accounts;
        this.commands = commands;
    }

    String start(UserId hostId) {
        String accountId = accounts.accountOf(hostId).orElseGet(() -> {
            PayoutProvider.ConnectedAccount created = provider.openAccount(hostId);
            return commands.sendAndWait(new OpenPayoutAccount(HostWalletId.forHost(hostId), hostId, provider.name(), created.accountId(),
                    created.transfersEnabled()));
        });
        return provider.onboardingUrl(accountId);
    }
}
