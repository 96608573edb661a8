package app.soiree.command.dispute;

import static app.soiree.command.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.Money;
import app.soiree.api.dispute.AddDisputeEvidence;
import app.soiree.api.dispute.CompleteDisputeDecision;
import app.soiree.api.dispute.DisputeAccepted;
import app.soiree.api.dispute.DisputeClosed;
import app.soiree.api.dispute.DisputeDecision;
import app.soiree.api.dispute.DisputeDecisionFailed;
import app.soiree.api.dispute.DisputeDecisionStarted;
import app.soiree.api.dispute.DisputeDueDateChanged;
import app.soiree.api.dispute.DisputeEvidenceAdded;
import app.soiree.api.dispute.DisputeEvidenceOverdue;
import app.soiree.api.dispute.DisputeEvidenceSubmitted;
import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.DisputeOpened;
import app.soiree.api.dispute.DisputeOutcome;
import app.soiree.api.dispute.DisputeProviderStatusChanged;
import app.soiree.api.dispute.EvidenceFileId;
import app.soiree.api.dispute.EvidenceFileUploaded;
import app.soiree.api.dispute.EvidenceId;
import app.soiree.api.dispute.FailDisputeDecision;
import app.soiree.api.dispute.ProviderDisputeStatus;
import app.soiree.api.dispute.RecordDisputeOutcome;
import app.soiree.api.dispute.RecordEvidenceFile;
import app.soiree.api.dispute.RecordProviderDisputeUpdate;
import app.soiree.api.dispute.RegisterDispute;
import app.soiree.api.dispute.StartDisputeDecision;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.BookingId;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.payment.PaymentId;
import app.soiree.command.FixtureClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DisputeTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Duration WINDOW = Duration.ofDays(7);
    static final Instant DUE = NOW.plus(WINDOW);
    static final DisputeId DISPUTE = DisputeId.forProviderDispute("stripe", "dp_1");
    static final PaymentId PAYMENT = new PaymentId(id(1));
    static final UserId HOST = new UserId(id(4));
    static final UserId GUEST = new UserId(id(5));
    static final UserId SUPPORT = new UserId(id(6));
    static final Money AMOUNT = Money.of(2500, "EUR");
    static final Money FEE = Money.of(2000, "EUR");
    static final EvidenceFileId FILE = new EvidenceFileId(id(30));
    static final EvidenceId EVIDENCE = new EvidenceId(id(40));

    private AggregateTestFixture<Dispute> fixture;
    private final RecordingProvider provider = new RecordingProvider();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Dispute.class);
        fixture.registerInjectableResource(new FixtureClock(() -> fixture == null ? NOW : fixture.currentTime()));
        fixture.registerInjectableResource(new DisputePolicy(null, 2, 100, null));
        fixture.registerInjectableResource(provider);
    }

    @Test
    void opensOnceAndWaitsForEvidenceUntilTheDueDate() {
        fixture.givenCurrentTime(NOW).when(register())
                .expectEvents(opened())
                .expectScheduledDeadline(WINDOW, new EvidenceDue(DISPUTE, DUE));
    }

    @Test
    void registeringAgainChangesNothing() {
        given().when(register()).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void marksTheDisputeOverdueWhenTheDueDatePassesWithNothingSubmitted() {
        fixture.givenCurrentTime(NOW).andGivenCommands(register())
                .whenTimeElapses(WINDOW.plusSeconds(1))
                .expectEvents(new DisputeEvidenceOverdue(DISPUTE, DUE, 0, DUE));
    }

    @Test
    void neverConcedesOnSupportsBehalf() {
        fixture.givenCurrentTime(NOW).andGivenCommands(register(), evidence(EVIDENCE, "Receipt and check-in log"))
                .whenTimeElapses(WINDOW.plusSeconds(1))
                .expectEvents(new DisputeEvidenceOverdue(DISPUTE, DUE, 1, DUE));
        assertThat(provider.accepted).isEmpty();
        assertThat(provider.submitted).isEmpty();
    }

    @Test
    void submittedEvidenceIsNotOverdue() {
        fixture.givenCurrentTime(NOW).andGivenCommands(register(), evidence(EVIDENCE, "Receipt"), submit(),
                        new CompleteDisputeDecision(DISPUTE, SUBMIT_KEY, "submitted:dp_1"))
                .whenTimeElapses(WINDOW.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void aNewDueDateMovesTheDeadline() {
        Instant later = DUE.plus(Duration.ofDays(3));
        fixture.givenCurrentTime(NOW).andGivenCommands(register())
                .when(new RecordProviderDisputeUpdate(DISPUTE, ProviderDisputeStatus.NEEDS_RESPONSE, later))
                .expectEvents(new DisputeDueDateChanged(DISPUTE, later, NOW))
                .expectScheduledDeadline(Duration.between(NOW, later), new EvidenceDue(DISPUTE, later))
                .expectNoScheduledDeadline(WINDOW, new EvidenceDue(DISPUTE, DUE));
    }

    @Test
    void recordsUploadedFilesOnceAndWithinTheLimit() {
        given().when(file(FILE)).expectEvents(uploaded(FILE));
        given(uploaded(FILE)).when(file(FILE)).expectNoEvents();
        given(uploaded(FILE), uploaded(new EvidenceFileId(id(31))))
                .when(file(new EvidenceFileId(id(32))))
                .expectException(refusedWith(ErrorCode.EVIDENCE_REJECTED));
    }

    @Test
    void addsEvidenceWithFilesUploadedToThisDisputeAndSaysWhoAddedIt() {
        given(uploaded(FILE))
                .when(new AddDisputeEvidence(DISPUTE, EVIDENCE, "  The guest attended: check-in log attached ", List.of(FILE), SUPPORT))
                .expectEvents(new DisputeEvidenceAdded(DISPUTE, EVIDENCE, "The guest attended: check-in log attached", List.of(FILE), SUPPORT, NOW));
    }

    @Test
    void theSameEvidenceTwiceIsAddedOnce() {
        given(added(EVIDENCE, "Receipt")).when(evidence(EVIDENCE, "Receipt")).expectNoEvents();
    }

    @Test
    void refusesFilesThatWereNotUploadedToThisDispute() {
        given().when(new AddDisputeEvidence(DISPUTE, EVIDENCE, "See file", List.of(FILE), SUPPORT))
                .expectException(refusedWith(ErrorCode.EVIDENCE_REJECTED));
    }

    @Test
    void refusesEmptyEvidenceAndTooMuchText() {
        given().when(evidence(EVIDENCE, "   ")).expectException(refusedWith(ErrorCode.VALIDATION_FAILED));
        given(added(new EvidenceId(id(41)), "x".repeat(60)))
                .when(evidence(EVIDENCE, "y".repeat(41)))
                .expectException(refusedWith(ErrorCode.EVIDENCE_REJECTED));
    }

    @Test
    void claimsTheSubmissionOfAllItsEvidenceAndRecordsItOnce() {
        EvidenceId second = new EvidenceId(id(41));
        String key = DisputeCall.idempotencyKey(DISPUTE, "submit", List.of(EVIDENCE, second));
        given(uploaded(FILE), added(EVIDENCE, "Receipt"), new DisputeEvidenceAdded(DISPUTE, second, "Check-in log", List.of(FILE), SUPPORT, NOW))
                .when(submit())
                .expectEvents(new DisputeDecisionStarted(DISPUTE, DisputeDecision.SUBMIT, key, List.of(EVIDENCE, second), SUPPORT, NOW))
                .expectResultMessagePayload(new DisputeSubmission(DISPUTE, "dp_1", "Receipt\n\n---\n\nCheck-in log", List.of(FILE), key))
                .expectScheduledDeadline(Dispute.DECISION_LEASE, new DecisionLapse(DISPUTE, key));
        given(uploaded(FILE), added(EVIDENCE, "Receipt"), new DisputeEvidenceAdded(DISPUTE, second, "Check-in log", List.of(FILE), SUPPORT, NOW),
                new DisputeDecisionStarted(DISPUTE, DisputeDecision.SUBMIT, key, List.of(EVIDENCE, second), SUPPORT, NOW))
                .when(new CompleteDisputeDecision(DISPUTE, key, "submitted:dp_1"))
                .expectEvents(new DisputeEvidenceSubmitted(DISPUTE, List.of(EVIDENCE, second), SUPPORT, "submitted:dp_1", NOW));
        given(added(EVIDENCE, "Receipt"), submitted()).when(submit()).expectNoEvents().expectResultMessagePayload(null);
        given(added(EVIDENCE, "Receipt"), submitStarted(), submitted())
                .when(new CompleteDisputeDecision(DISPUTE, SUBMIT_KEY, "submitted:dp_1")).expectNoEvents();
    }

    @Test
    void refusesToSubmitNothing() {
        given().when(submit()).expectException(refusedWith(ErrorCode.EVIDENCE_REJECTED)).expectNoEvents();
    }

    @Test
    void whileASubmissionIsClaimedTheDisputeTakesNoConcessionAndNoEvidence() {
        given(added(EVIDENCE, "Receipt"), submitStarted()).when(accept()).expectException(refusedWith(ErrorCode.STATE_CONFLICT));
        given(added(EVIDENCE, "Receipt"), submitStarted()).when(evidence(new EvidenceId(id(41)), "More"))
                .expectException(refusedWith(ErrorCode.STATE_CONFLICT));
        given(uploaded(FILE), added(EVIDENCE, "Receipt"), submitStarted()).when(file(new EvidenceFileId(id(31))))
                .expectException(refusedWith(ErrorCode.STATE_CONFLICT));
        given(acceptStarted()).when(submit()).expectException(refusedWith(ErrorCode.STATE_CONFLICT));
    }

    @Test
    void theSameDecisionClaimedAgainCarriesTheSameKey() {
        given(added(EVIDENCE, "Receipt"), submitStarted())
                .when(new StartDisputeDecision(DISPUTE, DisputeDecision.SUBMIT, new UserId(id(7))))
                .expectEvents(new DisputeDecisionStarted(DISPUTE, DisputeDecision.SUBMIT, SUBMIT_KEY, List.of(EVIDENCE), new UserId(id(7)), NOW))
                .expectResultMessagePayload(new DisputeSubmission(DISPUTE, "dp_1", "Receipt", List.of(), SUBMIT_KEY));
        given(added(EVIDENCE, "Receipt"), submitStarted(), failed(submitStarted())).when(submit())
                .expectEvents(submitStarted());
    }

    @Test
    void aFailedDecisionLeavesTheDisputeAsItWas() {
        given(added(EVIDENCE, "Receipt"), submitStarted())
                .when(new FailDisputeDecision(DISPUTE, SUBMIT_KEY, "PAYMENT_PROVIDER_UNAVAILABLE: down"))
                .expectEvents(new DisputeDecisionFailed(DISPUTE, DisputeDecision.SUBMIT, SUBMIT_KEY, "PAYMENT_PROVIDER_UNAVAILABLE: down", NOW))
                .expectNoScheduledDeadline(Dispute.DECISION_LEASE, new DecisionLapse(DISPUTE, SUBMIT_KEY));
        given(added(EVIDENCE, "Receipt"), submitStarted(), failed(submitStarted())).when(accept()).expectEvents(acceptStarted());
        given(added(EVIDENCE, "Receipt"), submitStarted(), failed(submitStarted())).when(evidence(new EvidenceId(id(41)), "More"))
                .expectEvents(new DisputeEvidenceAdded(DISPUTE, new EvidenceId(id(41)), "More", List.of(), SUPPORT, NOW));
        // a failure of a claim that ended already changes nothing
        given(added(EVIDENCE, "Receipt"), submitStarted(), submitted())
                .when(new FailDisputeDecision(DISPUTE, SUBMIT_KEY, "late")).expectNoEvents();
    }

    @Test
    void aClaimNobodyEndsLapses() {
        fixture.givenCurrentTime(NOW).andGivenCommands(register(), evidence(EVIDENCE, "Receipt"), submit())
                .whenTimeElapses(Dispute.DECISION_LEASE.plusSeconds(1))
                .expectEvents(new DisputeDecisionFailed(DISPUTE, DisputeDecision.SUBMIT, SUBMIT_KEY, "No outcome was recorded within PT10M",
                        NOW.plus(Dispute.DECISION_LEASE)));
        setUp();
        fixture.givenCurrentTime(NOW).andGivenCommands(register(), evidence(EVIDENCE, "Receipt"), submit(),
                        new CompleteDisputeDecision(DISPUTE, SUBMIT_KEY, "submitted:dp_1"))
                .whenTimeElapses(Dispute.DECISION_LEASE.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void theProvidersOwnWordSettlesAClaimedDecision() {
        given(added(EVIDENCE, "Receipt"), submitStarted())
                .when(new RecordProviderDisputeUpdate(DISPUTE, ProviderDisputeStatus.UNDER_REVIEW, DUE))
                .expectEvents(new DisputeEvidenceSubmitted(DISPUTE, List.of(EVIDENCE), SUPPORT, "provider:UNDER_REVIEW", NOW));
        given(acceptStarted()).when(new RecordDisputeOutcome(DISPUTE, DisputeOutcome.LOST, NOW))
                .expectEvents(new DisputeAccepted(DISPUTE, SUPPORT, NOW), new DisputeClosed(DISPUTE, DisputeOutcome.LOST, NOW));
    }

    @Test
    void evidenceCannotBeAddedOnceSubmitted() {
        given(added(EVIDENCE, "Receipt"), submitted()).when(evidence(new EvidenceId(id(41)), "More"))
                .expectException(refusedWith(ErrorCode.STATE_CONFLICT));
    }

    @Test
    void concedesAtTheProviderAndSaysWho() {
        given().when(accept()).expectEvents(acceptStarted())
                .expectResultMessagePayload(new DisputeAcceptance(DISPUTE, "dp_1", ACCEPT_KEY));
        given(acceptStarted()).when(new CompleteDisputeDecision(DISPUTE, ACCEPT_KEY, "accepted:dp_1"))
                .expectEvents(new DisputeAccepted(DISPUTE, SUPPORT, NOW));
        given(new DisputeAccepted(DISPUTE, SUPPORT, NOW)).when(accept()).expectNoEvents();
        given(added(EVIDENCE, "Receipt"), submitted()).when(accept())
                .expectException(refusedWith(ErrorCode.STATE_CONFLICT));
    }

    @Test
    void aDecidedDisputeRefusesEverySupportAction() {
        DisputeClosed closed = new DisputeClosed(DISPUTE, DisputeOutcome.LOST, NOW);
        given(uploaded(FILE), closed).when(evidence(EVIDENCE, "late")).expectException(refusedWith(ErrorCode.DISPUTE_CLOSED));
        given(closed).when(file(new EvidenceFileId(id(31)))).expectException(refusedWith(ErrorCode.DISPUTE_CLOSED));
        given(added(EVIDENCE, "Receipt"), closed).when(submit()).expectException(refusedWith(ErrorCode.DISPUTE_CLOSED));
        given(closed).when(accept()).expectException(refusedWith(ErrorCode.DISPUTE_CLOSED));
    }

    @Test
    void closesOnceAndStopsTheDeadline() {
        fixture.givenCurrentTime(NOW).andGivenCommands(register())
                .when(new RecordDisputeOutcome(DISPUTE, DisputeOutcome.WON, NOW))
                .expectEvents(new DisputeClosed(DISPUTE, DisputeOutcome.WON, NOW))
                .expectNoScheduledDeadlines();
        given(new DisputeClosed(DISPUTE, DisputeOutcome.WON, NOW))
                .when(new RecordDisputeOutcome(DISPUTE, DisputeOutcome.WON, NOW)).expectNoEvents();
    }

    @Test
    void evidenceSubmittedAtTheProviderDirectlyEndsTheWaitForIt() {
        fixture.givenCurrentTime(NOW).andGivenCommands(register())
                .when(new RecordProviderDisputeUpdate(DISPUTE, ProviderDisputeStatus.UNDER_REVIEW, DUE))
                .expectEvents(new DisputeProviderStatusChanged(DISPUTE, ProviderDisputeStatus.UNDER_REVIEW, NOW))
                .expectNoScheduledDeadlines();
    }

    /** A fresh fixture each time: a deadline scheduled by an earlier given-when in the same test would forbid setting the time. */
    private TestExecutor<Dispute> given(Object... events) {
        setUp();
        Object[] all = new Object[events.length + 1];
        all[0] = opened();
        System.arraycopy(events, 0, all, 1, events.length);
        return fixture.givenCurrentTime(NOW).andGiven(all);
    }

    static RegisterDispute register() {
        return register(NOW);
    }

    static RegisterDispute register(Instant openedAt) {
        return new RegisterDispute(DISPUTE, PAYMENT, new BookingId(id(2)), new GatheringId(id(3)), HOST, GUEST, "stripe", "dp_1", AMOUNT,
                FEE, AMOUNT, "fraudulent", openedAt.plus(WINDOW), openedAt);
    }

    static DisputeOpened opened() {
        return new DisputeOpened(DISPUTE, PAYMENT, new BookingId(id(2)), new GatheringId(id(3)), HOST, GUEST, "stripe", "dp_1", AMOUNT,
                FEE, AMOUNT, "fraudulent", DUE, NOW);
    }

    static RecordEvidenceFile file(EvidenceFileId fileId) {
        return new RecordEvidenceFile(DISPUTE, fileId, "receipt.pdf", "application/pdf", 1234, "ab".repeat(32), SUPPORT);
    }

    static EvidenceFileUploaded uploaded(EvidenceFileId fileId) {
        return new EvidenceFileUploaded(DISPUTE, fileId, "receipt.pdf", "application/pdf", 1234, "ab".repeat(32), SUPPORT, NOW);
    }

    static AddDisputeEvidence evidence(EvidenceId evidenceId, String text) {
        return new AddDisputeEvidence(DISPUTE, evidenceId, text, List.of(), SUPPORT);
    }

    static DisputeEvidenceAdded added(EvidenceId evidenceId, String text) {
        return new DisputeEvidenceAdded(DISPUTE, evidenceId, text, List.of(), SUPPORT, NOW);
    }

    static final String SUBMIT_KEY = DisputeCall.idempotencyKey(DISPUTE, "submit", List.of(EVIDENCE));
    static final String ACCEPT_KEY = DisputeCall.idempotencyKey(DISPUTE, "accept", List.of());

    static StartDisputeDecision submit() {
        return new StartDisputeDecision(DISPUTE, DisputeDecision.SUBMIT, SUPPORT);
    }

    static StartDisputeDecision accept() {
        return new StartDisputeDecision(DISPUTE, DisputeDecision.ACCEPT, SUPPORT);
    }

    /** The submission of the one piece of evidence {@link #EVIDENCE}, claimed. */
    static DisputeDecisionStarted submitStarted() {
        return new DisputeDecisionStarted(DISPUTE, DisputeDecision.SUBMIT, SUBMIT_KEY, List.of(EVIDENCE), SUPPORT, NOW);
    }

    static DisputeDecisionStarted acceptStarted() {
        return new DisputeDecisionStarted(DISPUTE, DisputeDecision.ACCEPT, ACCEPT_KEY, List.of(), SUPPORT, NOW);
    }

    static DisputeDecisionFailed failed(DisputeDecisionStarted started) {
        return new DisputeDecisionFailed(DISPUTE, started.decision(), started.idempotencyKey(), "PAYMENT_PROVIDER_UNAVAILABLE: down", NOW);
    }

    static DisputeEvidenceSubmitted submitted() {
        return new DisputeEvidenceSubmitted(DISPUTE, List.of(EVIDENCE), SUPPORT, "submitted:dp_1", NOW);
    }

    static UUID id(int n) {
        return new UUID(0, n);
    }

    /** The provider port as a test double: remembers every call, and fails when told to. */
    static final class RecordingProvider implements DisputeProvider {
        final List<DisputeSubmission> submitted = new ArrayList<>();
        final List<DisputeAcceptance> accepted = new ArrayList<>();
        SoireeException failWith;

        @Override
        public String submitEvidence(DisputeSubmission submission) {
            if (failWith != null) {
                throw failWith;
            }
            submitted.add(submission);
            return "submitted:" + submission.providerDisputeId();
        }

        @Override
        public void accept(DisputeAcceptance acceptance) {
            if (failWith != null) {
                throw failWith;
            }
            accepted.add(acceptance);
        }
    }
}
