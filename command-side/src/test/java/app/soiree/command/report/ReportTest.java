package app.soiree.command.report;

import static app.soiree.command.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.api.chat.ReportReason;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.identity.UserId;
import app.soiree.api.report.DismissReport;
import app.soiree.api.report.GatheringReported;
import app.soiree.api.report.ReportDismissed;
import app.soiree.api.report.ReportGathering;
import app.soiree.api.report.ReportId;
import app.soiree.api.report.ReportResolved;
import app.soiree.api.report.ReportRules;
import app.soiree.api.report.ReportUser;
import app.soiree.api.report.ResolveReport;
import app.soiree.api.report.UserReported;
import app.soiree.command.FixtureClock;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final ReportId REPORT = new ReportId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final UserId ANA = new UserId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private static final UserId BEN = new UserId(UUID.fromString("00000000-0000-0000-0000-000000000002"));
    private static final UserId SUPPORT = new UserId(UUID.fromString("00000000-0000-0000-0000-000000000003"));
    private static final GatheringId SUPPER = new GatheringId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));

    private AggregateTestFixture<Report> fixture;

    private AggregateTestFixture<Report> fresh() {
        fixture = new AggregateTestFixture<>(Report.class);
        fixture.registerInjectableResource(new FixtureClock(() -> fixture == null ? START : fixture.currentTime()));
        return fixture;
    }

    private TestExecutor<Report> given(Object... events) {
        return fresh().givenCurrentTime(START).andGiven(events);
    }

    private static UserReported userReported() {
        return new UserReported(REPORT, ANA, BEN, ReportReason.HARASSMENT, "rude", START);
    }

    @Test
    void aUserReportIsFiledWithItsNoteTrimmed() {
        given().when(new ReportUser(REPORT, ANA, BEN, ReportReason.HARASSMENT, "  rude "))
                .expectEvents(userReported());
    }

    @Test
    void aBlankNoteIsNoNote() {
        given().when(new ReportUser(REPORT, ANA, BEN, ReportReason.SPAM, "   "))
                .expectEvents(new UserReported(REPORT, ANA, BEN, ReportReason.SPAM, null, START));
    }

    @Test
    void nobodyReportsThemselves() {
        given().when(new ReportUser(REPORT, ANA, ANA, ReportReason.OTHER, null))
                .expectException(refusedWith(ErrorCode.CANNOT_REPORT_SELF)).expectNoEvents();
    }

    @Test
    void aGatheringReportNamesItsHost() {
        given().when(new ReportGathering(REPORT, ANA, SUPPER, BEN, ReportReason.SPAM, null))
                .expectEvents(new GatheringReported(REPORT, ANA, SUPPER, BEN, ReportReason.SPAM, null, START));
    }

    @Test
    void aHostDoesNotReportTheirOwnGathering() {
        given().when(new ReportGathering(REPORT, BEN, SUPPER, BEN, ReportReason.SPAM, null))
                .expectException(refusedWith(ErrorCode.CANNOT_REPORT_SELF)).expectNoEvents();
    }

    @Test
    void aNoteLongerThanTheLimitIsRefused() {
        given().when(new ReportUser(REPORT, ANA, BEN, ReportReason.OTHER, "x".repeat(ReportRules.MAX_NOTE_LENGTH + 1)))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    void anOpenReportIsDismissedWithSupportsNote() {
        given(userReported()).when(new DismissReport(REPORT, SUPPORT, " nothing wrong "))
                .expectEvents(new ReportDismissed(REPORT, SUPPORT, "nothing wrong", START));
    }

    @Test
    void anOpenReportIsResolvedWithSupportsNote() {
        given(userReported()).when(new ResolveReport(REPORT, SUPPORT, "warned the user"))
                .expectEvents(new ReportResolved(REPORT, SUPPORT, "warned the user", START));
    }

    @Test
    void aDecisionNeedsANote() {
        given(userReported()).when(new ResolveReport(REPORT, SUPPORT, " "))
                .expectException(refusedWith(ErrorCode.VALIDATION_FAILED)).expectNoEvents();
    }

    @Test
    void theSameDecisionAgainChangesNothing() {
        given(userReported(), new ReportDismissed(REPORT, SUPPORT, "nothing wrong", START))
                .when(new DismissReport(REPORT, SUPPORT, "still nothing"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void theOtherDecisionOnADecidedReportIsAConflict() {
        given(userReported(), new ReportResolved(REPORT, SUPPORT, "warned", START))
                .when(new DismissReport(REPORT, SUPPORT, "nothing wrong"))
                .expectException(refusedWith(ErrorCode.STATE_CONFLICT)).expectNoEvents();
    }

    @Test
    void anOpenReportMovesOnlyToADecisionAndADecisionIsFinal() {
        assertThat(ReportState.OPEN.mayMoveTo(ReportState.DISMISSED)).isTrue();
        assertThat(ReportState.OPEN.mayMoveTo(ReportState.RESOLVED)).isTrue();
        assertThat(ReportState.OPEN.mayMoveTo(ReportState.OPEN)).isFalse();
        assertThat(ReportState.DISMISSED.mayMoveTo(ReportState.RESOLVED)).isFalse();
        assertThat(ReportState.DISMISSED.mayMoveTo(ReportState.OPEN)).isFalse();
        assertThat(ReportState.RESOLVED.mayMoveTo(ReportState.DISMISSED)).isFalse();
        assertThat(ReportState.RESOLVED.mayMoveTo(ReportState.OPEN)).isFalse();
    }
}
