package app.soiree.command.dispute.stripe;

import app.soiree.command.provider.stripe.StripeProperties;
import app.soiree.api.dispute.EvidenceFileId;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.command.dispute.DisputeAcceptance;
import app.soiree.command.dispute.DisputeProvider;
import app.soiree.command.dispute.DisputeSubmission;
import app.soiree.command.dispute.EvidenceFiles;
import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Dispute;
import com.stripe.net.RequestOptions;
import com.stripe.param.DisputeUpdateParams;
import com.stripe.param.FileCreateParams;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Support's dispute actions at Stripe: {@code POST /v1/disputes/{id}} with the evidence and {@code submit=true}, and
 * {@code POST /v1/disputes/{id}/close} to concede. Evidence files are uploaded first ({@code POST /v1/files}, purpose
 * {@code dispute_evidence}, to Stripe's files host, streamed from the object store) and attached in the order they were
 * added to the evidence fields Stripe has for an event's dispute: {@code uncategorized_file},
 * {@code service_documentation} (proof that the gathering took place), {@code customer_communication} and
 * {@code receipt}; Stripe takes one file per field.
 * Every call carries an idempotency key, so a call whose answer was lost can be made again. What Stripe refuses is
 * support's to see (422/409); what does not get through is a 503 to try again; nothing is recorded in either case.
 */
public class StripeDisputeProvider implements DisputeProvider {

    private static final Logger log = LoggerFactory.getLogger(StripeDisputeProvider.class);
    static final int MAX_FILES = 4;

    private final StripeClient stripe;
    private final EvidenceFiles files;
    private final String filesBase;

    public StripeDisputeProvider(StripeClient stripe, StripeProperties properties, EvidenceFiles files) {
        this.stripe = stripe;
        this.files = files;
        // Stripe takes uploads on its own host; anything else configured as the API (a stand-in, a proxy) takes both.
        this.filesBase = Stripe.LIVE_API_BASE.equals(properties.apiBase()) ? Stripe.UPLOAD_API_BASE : properties.apiBase();
    }

    @Override
    public String submitEvidence(DisputeSubmission submission) {
        if (submission.fileIds().size() > MAX_FILES) {
            throw new SoireeException(ErrorCode.EVIDENCE_REJECTED, "Stripe takes at most " + MAX_FILES + " evidence files per dispute");
        }
        DisputeUpdateParams.Evidence.Builder evidence = DisputeUpdateParams.Evidence.builder();
        if (!submission.text().isEmpty()) {
            evidence.setUncategorizedText(submission.text());
        }
        List<String> uploaded = new ArrayList<>();
        for (EvidenceFileId fileId : submission.fileIds()) {
            uploaded.add(upload(submission, fileId));
        }
        List<Consumer<String>> fields = List.of(evidence::setUncategorizedFile, evidence::setServiceDocumentation,
                evidence::setCustomerCommunication, evidence::setReceipt);
        for (int index = 0; index < uploaded.size(); index++) {
            fields.get(index).accept(uploaded.get(index));
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

    /** Uploads one file, once: the key names the submission and the file, so a retried submission finds its upload. */
    private String upload(DisputeSubmission submission, EvidenceFileId fileId) {
        EvidenceFiles.StoredFile file = files.find(submission.disputeId(), fileId)
                .orElseThrow(() -> new IllegalStateException("Evidence file " + fileId + " of dispute " + submission.disputeId() + " is missing"));
        RequestOptions options = RequestOptions.builder()
                .setIdempotencyKey(submission.idempotencyKey() + "-" + fileId)
                .setBaseUrl(filesBase)
                .build();
        try (InputStream content = files.open(file)) {
            FileCreateParams params = FileCreateParams.builder()
                    .setPurpose(FileCreateParams.Purpose.DISPUTE_EVIDENCE)
                    .setFile(content)
                    .build();
            return stripe.v1().files().create(params, options).getId();
        } catch (StripeException e) {
            throw refusal("upload evidence file " + file.fileName() + " for dispute " + submission.providerDisputeId(),
                    ErrorCode.EVIDENCE_REJECTED, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read evidence file " + fileId + " from the object store", e);
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
