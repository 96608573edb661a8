package app.soiree.command.payout.stripe;

import app.soiree.command.provider.ProviderName;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import app.soiree.command.provider.stripe.StripeEventPayloads;
import app.soiree.command.payout.PayoutProperties;
import app.soiree.command.payout.PayoutProvider;
import app.soiree.command.payout.TransferAnswer;
import app.soiree.command.payout.TransferRequest;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.Transfer;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.TransferCreateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payouts through Stripe Connect with stripe-java: one Express account per host (its metadata names the
 * host, the idempotency key derives from the host), onboarding through Account Links, and one transfer per
 * payout to the host's account (the payout id is the idempotency key and travels in the metadata, so
 * webhooks find their payout). The shared client does not retry by itself: an unanswered transfer is asked
 * again by the payout saga, under the same key.
 */
public class StripePayoutProvider implements PayoutProvider {

    private static final Logger log = LoggerFactory.getLogger(StripePayoutProvider.class);
    static final String NAME = ProviderName.STRIPE.code();

    private final StripeClient stripe;
    private final PayoutProperties properties;

    public StripePayoutProvider(StripeClient stripe, PayoutProperties properties) {
        this.stripe = stripe;
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectedAccount openAccount(UserId hostId) {
        AccountCreateParams params = AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.EXPRESS)
                .setCapabilities(AccountCreateParams.Capabilities.builder()
                        .setTransfers(AccountCreateParams.Capabilities.Transfers.builder().setRequested(true).build())
                        .build())
                .putMetadata(TransferRequest.HOST_ID_KEY, hostId.toString())
                .build();
        RequestOptions once = RequestOptions.builder().setIdempotencyKey("payout-account-" + hostId).build();
        try {
            Account account = stripe.v1().accounts().create(params, once);
            return new ConnectedAccount(account.getId(), transfersEnabled(account));
        } catch (StripeException e) {
            throw unavailable("create the connected account of host " + hostId, e);
        }
    }

    @Override
    public String onboardingUrl(String accountId) {
        AccountLinkCreateParams params = AccountLinkCreateParams.builder()
                .setAccount(accountId)
                .setRefreshUrl(properties.onboardingRefreshUrl())
                .setReturnUrl(properties.onboardingReturnUrl())
                .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                .build();
        try {
            return stripe.v1().accountLinks().create(params).getUrl();
        } catch (StripeException e) {
            throw unavailable("create an onboarding link for " + accountId, e);
        }
    }

    @Override
    public TransferAnswer transfer(TransferRequest request) {
        TransferCreateParams params = TransferCreateParams.builder()
                .setAmount(request.amount().amountMinor())
                .setCurrency(StripeEventPayloads.currencyParameter(request.amount()))
                .setDestination(request.destinationAccount())
                .setTransferGroup("payout_" + request.payoutId())
                .putMetadata(TransferRequest.PAYOUT_ID_KEY, request.payoutId().toString())
                .putMetadata(TransferRequest.HOST_ID_KEY, request.hostId().toString())
                .build();
        RequestOptions once = RequestOptions.builder().setIdempotencyKey(request.payoutId().toString()).build();
        try {
            Transfer transfer = stripe.v1().transfers().create(params, once);
            return TransferAnswer.paid(transfer.getId());
        } catch (StripeException e) {
            return answerFor("transfer payout " + request.payoutId(), e);
        }
    }

    /**
     * Whether Stripe lets the platform transfer to the account and the account pay out to its bank: both are
     * needed for a payout to reach the host. An account that does not report the capability is judged by
     * {@code payouts_enabled} alone.
     */
    static boolean transfersEnabled(Account account) {
        boolean payouts = Boolean.TRUE.equals(account.getPayoutsEnabled());
        String transfers = account.getCapabilities() == null ? null : account.getCapabilities().getTransfers();
        return payouts && (transfers == null || transfers.equals("active"));
    }

    /** Sorts Stripe's exceptions into "refused" (final, the funds go back) and "no answer" (asked again with the same key). */
    private static TransferAnswer answerFor(String call, StripeException e) {
        String reason = e.getClass().getSimpleName() + (e.getCode() != null ? " " + e.getCode() : "") + ": " + e.getMessage();
        return switch (e) {
            case RateLimitException limited -> TransferAnswer.unanswered("Stripe rate limit: " + limited.getMessage());
            case AuthenticationException refused -> {
                log.error("Stripe refused our credentials during {}; check soiree.stripe.secret-key", call);
                yield TransferAnswer.unanswered("Stripe refused the platform's credentials");
            }
            case IdempotencyException reused -> {
                // The same payout id with other parameters: a bug, not the host's problem. Staff must look.
                log.error("Stripe refused {} as a reuse of its idempotency key with other parameters", call, reused);
                yield TransferAnswer.unanswered(reason);
            }
            case InvalidRequestException invalid when invalid.getStatusCode() != null && invalid.getStatusCode() < 500 ->
                    TransferAnswer.refused("refused by Stripe: " + reason);
            case ApiConnectionException lost -> {
                log.warn("No answer from Stripe to {}: it is asked again later with the same idempotency key", call, lost);
                yield TransferAnswer.unanswered("no answer from Stripe: " + lost.getMessage());
            }
            // A 5xx may or may not have taken effect.
            default -> TransferAnswer.unanswered(reason);
        };
    }

    private static SoireeException unavailable(String call, StripeException e) {
        log.warn("Stripe could not {}", call, e);
        return new SoireeException(ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE, "The payout provider could not be reached; try again shortly");
    }
}
