package app.soiree.command.dispute;

import app.soiree.api.dispute.AcceptDispute;
import app.soiree.api.dispute.CompleteDisputeDecision;
import app.soiree.api.dispute.DisputeDecision;
import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.FailDisputeDecision;
import app.soiree.api.dispute.StartDisputeDecision;
import app.soiree.api.dispute.SubmitDisputeEvidence;
import app.soiree.api.error.CommandFailures;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Support's answer to a dispute, carried out at the provider while support waits (the API and the console send
 * {@link SubmitDisputeEvidence} and {@link AcceptDispute} and get the provider's word, refusals included). The only
 * caller of {@link DisputeProvider}, in three steps, each its own command on the {@link Dispute}:
 * <ol>
 *   <li>{@code StartDisputeDecision}: the dispute checks the decision and claims it ({@code DisputeDecisionStarted})
 *   under an idempotency key that names the evidence, and answers what to send (nothing if it was decided so already);</li>
 *   <li>the provider call, holding no dispute: commands from the provider's webhooks, the evidence deadline and other
 *   staff go on meanwhile, and an accept while a submission is claimed is refused by the claim;</li>
 *   <li>{@code CompleteDisputeDecision} records the provider's yes ({@code DisputeEvidenceSubmitted} or
 *   {@code DisputeAccepted}); on a refusal or failure {@code FailDisputeDecision} releases the claim
 *   ({@code DisputeDecisionFailed}), leaving the dispute as it was, and the caller gets the provider's error.</li>
 * </ol>
 * Each step is sent from a thread of its own: sent from this handler's thread, it would be a unit of work nested in
 * this command's, its claim stored and the dispute's lock released only when the whole process ends. (This command's
 * own unit of work still opens the command bus's transaction; it writes nothing in it, the simulated provider aside.)
 *
 * <p>A double click on one node waits here, per dispute, for the first to end and then finds the decision made (or, if
 * it failed, tries again): the provider hears of it once. On several nodes, or after a crash between the steps, the same
 * decision is claimed again under the same key, so the provider carries it out once. A claim nobody ends is settled
 * by the provider's own word (a submission by its report that the evidence is under review, a concession by the loss)
 * or, failing that, released by a durable deadline ({@link Dispute#DECISION_LEASE}) so that the other decision
 * becomes possible; without it, a crash during a submission that never reached the provider would leave the dispute
 * impossible to concede. Should the first call have reached the provider after all, the provider refuses the second.
 */
@Component
class DisputeResponses {

    private static final int STRIPES = 64;

    private final CommandGateway commands;
    private final DisputeProvider provider;
    private final ReentrantLock[] deciding = new ReentrantLock[STRIPES];
    private final ExecutorService steps = Executors.newVirtualThreadPerTaskExecutor();

    DisputeResponses(CommandGateway commands, DisputeProvider provider) {
        this.commands = commands;
        this.provider = provider;
        for (int index = 0; index < STRIPES; index++) {
            deciding[index] = new ReentrantLock();
        }
    }

    @CommandHandler
    void handle(SubmitDisputeEvidence command, MetaData metaData) {
        decide(command.disputeId(), DisputeDecision.SUBMIT, command.submittedBy(), metaData);
    }

    @CommandHandler
    void handle(AcceptDispute command, MetaData metaData) {
        decide(command.disputeId(), DisputeDecision.ACCEPT, command.acceptedBy(), metaData);
    }

    private void decide(DisputeId disputeId, DisputeDecision decision, UserId decidedBy, MetaData metaData) {
        ReentrantLock lock = deciding[Math.floorMod(disputeId.hashCode(), STRIPES)];
        lock.lock();
        try {
            DisputeCall call = step(new StartDisputeDecision(disputeId, decision, decidedBy), metaData);
            if (call == null) {
                return; // decided so already: a second click changes nothing
            }
            String reference;
            try {
                reference = switch (call) {
                    case DisputeSubmission submission -> provider.submitEvidence(submission);
                    case DisputeAcceptance acceptance -> {
                        provider.accept(acceptance);
                        yield "accepted:" + acceptance.providerDisputeId();
                    }
                };
            } catch (RuntimeException failure) {
                release(disputeId, call, failure, metaData);
                throw failure;
            }
            step(new CompleteDisputeDecision(disputeId, call.idempotencyKey(), reference), metaData);
        } finally {
            lock.unlock();
        }
    }

    private void release(DisputeId disputeId, DisputeCall call, RuntimeException failure, MetaData metaData) {
        String reason = CommandFailures.codeOf(failure).map(code -> code + ": ").orElse("") + failure.getMessage();
        try {
            step(new FailDisputeDecision(disputeId, call.idempotencyKey(), reason), metaData);
        } catch (RuntimeException unrecorded) {
            failure.addSuppressed(unrecorded); // the claim stays until it is retried, settled or lapses
        }
    }

    /** Sends a command as a unit of work of its own, committed when it returns; a refusal keeps its error code. */
    private <R> @Nullable R step(Object command, MetaData metaData) {
        try {
            return CompletableFuture.supplyAsync(() -> commands.<R>sendAndWait(command, metaData), steps).join();
        } catch (CompletionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof SoireeException refusal) {
                throw refusal;
            }
            if (CommandFailures.codeOf(cause).isPresent()) {
                throw new SoireeException(CommandFailures.codeOf(cause).orElseThrow(), cause.getMessage());
            }
            throw cause instanceof RuntimeException runtime ? runtime : failed;
        }
    }

    @PreDestroy
    void stop() {
        steps.close();
    }
}
