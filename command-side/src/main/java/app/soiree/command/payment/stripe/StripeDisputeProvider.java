package app.soiree.command.payment.stripe;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.command.dispute.DisputeAcceptance;
import app.soiree.command.dispute.DisputeProvider;
import app.soiree.command.dispute.DisputeSubmission;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Dispute;
import com.stripe.net.RequestOptions;
import com.stripe.param.DisputeUpdateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Support's dispute actions at Stripe: {@code POST /v1/disputes/{id}} with the evidence and {@code submit=true}, and
 * {@code POST /v1/disputes/{id}/close} to concede. Each call carries an idempotency key, so a call whose answer was
 * lost can be made again. What Stripe refuses is support's to see (422/409); what does not get through is a 503 to
 * try again, and nothing is recorded in either case.
 */
public class StripeDisputeProvider implements DisputeProvider {

    private static final Logger log = LoggerFactory.getLogger(StripeDisputeProvider.class);

    private final StripeClient stripe;

    public StripeDisputeProvider(StripeClient stripe) {
        this.stripe = stripe;
    }

    @Override
    public String submitEvidence(DisputeSubmission submission) {
        DisputeUpdateParams.Evidence.Builder evidence = DisputeUpdateParams.Evidence.builder();
        if (!submission.text().isEmpty()) {
            evidence.setUncategorizedText(submission.text());
        }
        DisputeUpdateParams params = DisputeUpdateParams.builder()
                .setEvidence(evidence.build())
                .putMetadata("soiree_dispute_id", submission.disputeId().toString())
                .setSubmit(true)
                .build();
        try {
            Dispute updated = stripe.v1().disputes().update(submission.providerDisputeId(), params, once(submission.idempotencyKey()));
            return updated.getId() + ":" + updated.getStatus();
        } catch (StripeException e) {
            throw refusal("submit evidence for dispute " + submission.providerDisputeId(), ErrorCode.EVIDENCE_REJECTED, e);
        }
    }

    @Override
    public void accept(DisputeAcceptance acceptance) {
        try {
            stripe.v1().disputes().close(acceptance.providerDisputeId(), once(acceptance.idempotencyKey()));
        } catch (StripeException e) {
            throw refusal("close dispute " + acceptance.providerDisputeId(), ErrorCode.STATE_CONFLICT, e);
        }
    }

    private static RequestOptions once(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    /** Stripe said no to this request (its 4xx): {@code refused}. Anything else may be tried again. */
    private static SoireeException refusal(String call, ErrorCode refused, StripeException e) {
        String reason = (e.getCode() != null ? e.getCode() + ": " : "") + e.getMessage();
        return switch (e) {
            case InvalidRequestException invalid when invalid.getStatusCode() != null && invalid.getStatusCode() < 500 -> {
                log.info("Stripe refused to {}: {}", call, reason);
                yield new SoireeException(refused, "Stripe refused: " + reason);
            }
            case AuthenticationException credentials -> {
                log.error("Stripe refused our credentials during {}; check soiree.stripe.secret-key", call);
                yield new SoireeException(ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE, "Stripe refused the platform's credentials");
            }
            case ApiConnectionException lost -> {
                log.warn("No answer from Stripe to {}; it is safe to try again", call, lost);
                yield new SoireeException(ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE, "Stripe did not answer; try again");
            }
            default -> {
                log.warn("Stripe failed to {}: {}", call, reason);
                yield new SoireeException(ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE, "Stripe could not do it now: " + reason);
            }
        };
    }
}
