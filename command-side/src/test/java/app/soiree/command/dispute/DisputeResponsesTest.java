package app.soiree.command.dispute;

import static app.soiree.command.dispute.DisputeTest.DISPUTE;
import static app.soiree.command.dispute.DisputeTest.EVIDENCE;
import static app.soiree.command.dispute.DisputeTest.SUBMIT_KEY;
import static app.soiree.command.dispute.DisputeTest.SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.dispute.AcceptDispute;
import app.soiree.api.dispute.DisputeAccepted;
import app.soiree.api.dispute.DisputeDecision;
import app.soiree.api.dispute.DisputeDecisionFailed;
import app.soiree.api.dispute.DisputeDecisionStarted;
import app.soiree.api.dispute.DisputeDueDateChanged;
import app.soiree.api.dispute.DisputeEvidenceAdded;
import app.soiree.api.dispute.DisputeEvidenceSubmitted;
import app.soiree.api.dispute.DisputeOpened;
import app.soiree.api.dispute.ProviderDisputeStatus;
import app.soiree.api.dispute.RecordProviderDisputeUpdate;
import app.soiree.api.dispute.StartDisputeDecision;
import app.soiree.api.dispute.SubmitDisputeEvidence;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The process that carries support's decisions out at the provider, on a real command bus with the {@link Dispute}:
 * the provider is called once per decision, outside the dispute, and a failure leaves the dispute as it was.
 */
class DisputeResponsesTest {

    /** Deadlines here run on the real clock: a dispute opened now, due in a week, whose claims lapse in ten minutes. */
    private static final Instant OPENED = Instant.now();
    private final GatedProvider provider = new GatedProvider();
    private final ExecutorService clicks = Executors.newVirtualThreadPerTaskExecutor(); // the common pool may have one thread
    private Configuration axon;
    private CommandGateway commands;

    @BeforeEach
    void setUp() {
        axon = DefaultConfigurer.defaultConfiguration(false) // in-process buses, not Axon Server
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine())
                .configureAggregate(Dispute.class)
                .registerComponent(Clock.class, configuration -> Clock.systemUTC())
                .registerComponent(DisputePolicy.class, configuration -> new DisputePolicy(null, 2, 100, null))
                .registerCommandHandler(configuration -> new DisputeResponses(configuration.commandGateway(), provider))
                .buildConfiguration();
        axon.start();
        commands = axon.commandGateway();
        commands.sendAndWait(DisputeTest.register(OPENED));
        commands.sendAndWait(DisputeTest.evidence(EVIDENCE, "Receipt"));
    }

    @AfterEach
    void tearDown() {
        provider.open.countDown();
        clicks.close();
        axon.shutdown();
    }

    @Test
    void aDoubleClickReachesTheProviderOnceAndTheDisputeIsNotHeldMeanwhile() throws Exception {
        provider.gated = true;
        CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> commands.sendAndWait(submit()), clicks);
        assertThat(provider.entered.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Object> second = CompletableFuture.supplyAsync(() -> commands.sendAndWait(submit()), clicks);

        // While the provider answers, the provider's webhooks (and anything else) reach the dispute at once.
        CompletableFuture.runAsync(() -> commands.sendAndWait(new RecordProviderDisputeUpdate(DISPUTE, ProviderDisputeStatus.NEEDS_RESPONSE,
                OPENED.plus(Duration.ofDays(8)))), clicks).get(5, TimeUnit.SECONDS);
        // ...and a concession is refused: the submission is claimed. (From another process: this one would wait its turn.)
        assertThatThrownBy(() -> commands.sendAndWait(new StartDisputeDecision(DISPUTE, DisputeDecision.ACCEPT, SUPPORT)))
                .isInstanceOfSatisfying(SoireeException.class, refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.STATE_CONFLICT));
        Thread.sleep(200);
        assertThat(second).isNotDone();

        provider.open.countDown();
        first.get(5, TimeUnit.SECONDS);
        second.get(5, TimeUnit.SECONDS);
        assertThat(provider.submitted).singleElement().satisfies(submission -> {
            assertThat(submission.idempotencyKey()).isEqualTo(SUBMIT_KEY);
            assertThat(submission.text()).isEqualTo("Receipt");
        });
        assertThat(eventTypes()).containsExactly(DisputeOpened.class, DisputeEvidenceAdded.class, DisputeDecisionStarted.class,
                DisputeDueDateChanged.class, DisputeEvidenceSubmitted.class);
    }

    @Test
    void aProviderFailureReleasesTheClaimAndLeavesTheDisputeSubmittable() {
        provider.failWith = new SoireeException(ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE, "down");
        assertThatThrownBy(() -> commands.sendAndWait(submit()))
                .isInstanceOfSatisfying(SoireeException.class, refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE));
        assertThat(eventTypes()).endsWith(DisputeDecisionStarted.class, DisputeDecisionFailed.class);
        assertThat(provider.submitted).isEmpty();

        provider.failWith = null;
        commands.sendAndWait(submit());
        assertThat(provider.submitted).singleElement().satisfies(submission -> assertThat(submission.idempotencyKey()).isEqualTo(SUBMIT_KEY));
        assertThat(provider.attemptedKeys).containsExactly(SUBMIT_KEY, SUBMIT_KEY);
        assertThat(eventTypes()).endsWith(DisputeDecisionStarted.class, DisputeDecisionFailed.class, DisputeDecisionStarted.class,
                DisputeEvidenceSubmitted.class);
    }

    @Test
    void aClaimLeftByACrashIsTakenUpUnderTheSameKey() {
        // The process claimed the submission and died before the provider answered (or before the answer was recorded).
        DisputeSubmission abandoned = commands.sendAndWait(new StartDisputeDecision(DISPUTE, DisputeDecision.SUBMIT, SUPPORT));

        commands.sendAndWait(submit());
        assertThat(provider.submitted).singleElement().satisfies(submission ->
                assertThat(submission.idempotencyKey()).isEqualTo(abandoned.idempotencyKey()));
        assertThat(eventTypes()).endsWith(DisputeDecisionStarted.class, DisputeDecisionStarted.class, DisputeEvidenceSubmitted.class);
    }

    @Test
    void aConcessionRefusedByTheProviderIsNotRecorded() {
        provider.failWith = new SoireeException(ErrorCode.STATE_CONFLICT, "already under review");
        assertThatThrownBy(() -> commands.sendAndWait(new AcceptDispute(DISPUTE, SUPPORT)))
                .isInstanceOfSatisfying(SoireeException.class, refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.STATE_CONFLICT));
        assertThat(eventTypes()).doesNotContain(DisputeAccepted.class).endsWith(DisputeDecisionFailed.class);
        provider.failWith = null;
        commands.sendAndWait(new AcceptDispute(DISPUTE, SUPPORT));
        commands.sendAndWait(new AcceptDispute(DISPUTE, SUPPORT));
        assertThat(provider.accepted).hasSize(1);
        assertThat(eventTypes()).endsWith(DisputeAccepted.class);
    }

    private static SubmitDisputeEvidence submit() {
        return new SubmitDisputeEvidence(DISPUTE, SUPPORT);
    }

    private List<Class<?>> eventTypes() {
        return axon.eventStore().readEvents(DISPUTE.toString()).asStream().<Class<?>>map(event -> event.getPayloadType()).toList();
    }

    /** A provider that can be held in the middle of a call, and fails when told to. */
    static final class GatedProvider implements DisputeProvider {
        final List<DisputeSubmission> submitted = new CopyOnWriteArrayList<>();
        final List<DisputeAcceptance> accepted = new CopyOnWriteArrayList<>();
        final List<String> attemptedKeys = new CopyOnWriteArrayList<>();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch open = new CountDownLatch(1);
        volatile boolean gated;
        volatile @Nullable SoireeException failWith;

        @Override
        public String submitEvidence(DisputeSubmission submission) {
            call(submission.idempotencyKey());
            submitted.add(submission);
            return "submitted:" + submission.providerDisputeId();
        }

        @Override
        public void accept(DisputeAcceptance acceptance) {
            call(acceptance.idempotencyKey());
            accepted.add(acceptance);
        }

        private void call(String key) {
            attemptedKeys.add(key);
            entered.countDown();
            if (gated) {
                try {
                    open.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            SoireeException failure = failWith;
            if (failure != null) {
                throw failure;
            }
        }
    }
}
