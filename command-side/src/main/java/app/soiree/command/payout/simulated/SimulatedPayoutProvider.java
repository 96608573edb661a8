package app.soiree.command.payout.simulated;

import app.soiree.command.provider.ProviderName;
import app.soiree.api.Money;
import app.soiree.api.identity.UserId;
import app.soiree.api.payout.PayoutId;
import app.soiree.command.payout.PayoutProvider;
import app.soiree.command.payout.TransferAnswer;
import app.soiree.command.payout.TransferRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * A payout provider that moves no money. It keeps what Stripe would keep (one connected account per
 * host, one transfer per payout id) so that asking again gives the same answer. Accounts are enabled at
 * once; transfers succeed unless the host's development setting ({@link TransferBehaviour}) or a plan for
 * one payout says otherwise.
 */
public class SimulatedPayoutProvider implements PayoutProvider {

    static final String NAME = ProviderName.SIMULATED.code();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the simulator does with transfers to an account, set through the development endpoint. */
    enum TransferBehaviour { SUCCEED, REFUSE, NO_ANSWER }

    record Transfer(PayoutId payoutId, String reference, String accountId, UserId hostId, Money amount, long reversedMinor) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String onboardingReturnUrl;

    public SimulatedPayoutProvider(JdbcTemplate jdbc, Clock clock, String onboardingReturnUrl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.onboardingReturnUrl = onboardingReturnUrl;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectedAccount openAccount(UserId hostId) {
        // On either unique key: the account id is made from the host id,
        // so both name the same row (naming only the host let two at once fail with 500 on the other).
        jdbc.update("""
                insert into simulated_payout_accounts (account_id, host_id, transfer_behaviour, created_at)
                values (?, ?, ?, ?) on conflict do nothing""",
                accountIdFor(hostId), hostId.value(), TransferBehaviour.SUCCEED.name(), Timestamp.from(clock.instant()));
        return new ConnectedAccount(accountIdFor(hostId), true);
    }

    /** Nothing to fill in: the link leads straight to where the provider would send the host back to, saying so. */
    @Override
    public String onboardingUrl(String accountId) {
        return UriComponentsBuilder.fromUri(URI.create(onboardingReturnUrl)).queryParam("simulated", "enabled")
                .queryParam("account", accountId).build().toUriString();
    }

    @Override
    public TransferAnswer transfer(TransferRequest request) {
        Optional<Transfer> made = find(request.payoutId());
        if (made.isPresent()) {
            return TransferAnswer.paid(made.get().reference()); // the same idempotency key: the same transfer
        }
        List<String> behaviour = jdbc.queryForList("select transfer_behaviour from simulated_payout_accounts where account_id = ?",
                String.class, request.destinationAccount());
        if (behaviour.isEmpty()) {
            return TransferAnswer.refused("the simulated provider has no account " + request.destinationAccount());
        }
        List<String> planned = jdbc.queryForList("select outcome from simulated_transfer_plans where payout_id = ?", String.class,
                request.payoutId().value());
        if (!planned.isEmpty() && planned.getFirst().equals("failed")) {
            return TransferAnswer.refused("refused by the simulated provider (a development outcome set for this payout)");
        }
        return switch (TransferBehaviour.valueOf(behaviour.getFirst())) {
            case REFUSE -> TransferAnswer.refused("refused by the simulated provider (the host's development setting)");
            case NO_ANSWER -> TransferAnswer.unanswered("the simulated provider did not answer (the host's development setting)");
            case SUCCEED -> {
                String reference = transferReferenceFor(request.payoutId());
                // On either unique key: the reference is made from the id,
                // so both name the same row (naming only the id let two at once fail with 500 on the other).
                jdbc.update("""
                        insert into simulated_transfers (payout_id, reference, account_id, host_id, amount, currency, created_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                        request.payoutId().value(), reference, request.destinationAccount(), request.hostId().value(),
                        request.amount().amountMinor(), request.amount().currency().getCurrencyCode(), Timestamp.from(clock.instant()));
                yield TransferAnswer.paid(reference);
            }
        };
    }

    void behave(UserId hostId, TransferBehaviour behaviour) {
        openAccount(hostId);
        jdbc.update("update simulated_payout_accounts set transfer_behaviour = ? where host_id = ?", behaviour.name(), hostId.value());
    }

    /** Refuses the transfer of this payout when it is sent. */
    void planFailure(PayoutId payoutId) {
        jdbc.update("insert into simulated_transfer_plans (payout_id, outcome) values (?, 'failed') on conflict (payout_id) do nothing",
                payoutId.value());
    }

    Optional<Transfer> find(PayoutId payoutId) {
        return jdbc.query("select * from simulated_transfers where payout_id = ?", (row, index) -> new Transfer(
                        new PayoutId(row.getObject("payout_id", UUID.class)), row.getString("reference"), row.getString("account_id"),
                        new UserId(row.getObject("host_id", UUID.class)),
                        new Money(row.getLong("amount"), Currency.getInstance(row.getString("currency"))), row.getLong("reversed")),
                payoutId.value()).stream().findFirst();
    }

    /** Reverses what is left of a transfer and writes the event the simulator reports it with. */
    String reverse(Transfer transfer) {
        jdbc.update("update simulated_transfers set reversed = amount where payout_id = ?", transfer.payoutId().value());
        return JSON.writeValueAsString(new SimulatedTransferEvent("transfer.reversed", transfer.payoutId().toString(), transfer.reference(),
                transfer.amount().amountMinor(), transfer.amount().amountMinor(), transfer.amount().currency().getCurrencyCode()));
    }

    record SimulatedTransferEvent(String type, String payoutId, String reference, long amount, long amountReversed, String currency) {
    }

    private static String accountIdFor(UserId hostId) {
        return "sim_acct_" + digest("account:" + hostId);
    }

    private static String transferReferenceFor(PayoutId payoutId) {
        return "sim_tr_" + digest("transfer:" + payoutId);
    }

    private static String digest(String text) {
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    }
}
