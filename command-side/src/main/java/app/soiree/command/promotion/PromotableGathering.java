package app.soiree.command.promotion;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.InvalidFieldsException;
import app.soiree.api.error.InvalidFieldsException.FieldProblem;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.GatheringId;
import app.soiree.api.gathering.GatheringStatus;
import app.soiree.api.identity.UserId;
import app.soiree.api.promotion.PromotionLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A gathering as featuring and promoting need it: whose it is, where it is in its life, and when it starts. */
record PromotableGathering(GatheringId gatheringId, UserId hostId, GatheringStatus status, Instant startsAt) {

    /**
     * The one rule of featuring and promoting: only an upcoming published gathering (422 {@code NOT_PROMOTABLE}), in a
     * window that ends after it opens, later than now, no later than the gathering starts and within
     * {@link PromotionLimits#MAX_WINDOW} (400, naming the field). Checked once, when the window is bought: it stays
     * within the gathering's start because a published gathering's time cannot change (GatheringRules), and only a
     * published gathering can be promoted.
     */
    void requirePromotableDuring(Instant from, Instant until, Instant now) {
        if (status != GatheringStatus.PUBLISHED || !startsAt.isAfter(now)) {
            throw new SoireeException(ErrorCode.NOT_PROMOTABLE,
                    "Only an upcoming published gathering can be featured or promoted; " + gatheringId + " is " + describe());
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (!until.isAfter(from)) {
            problems.add(new FieldProblem("until", "must be after from"));
        } else if (Duration.between(from, until).compareTo(PromotionLimits.MAX_WINDOW) > 0) {
            problems.add(new FieldProblem("until", "must be at most " + PromotionLimits.MAX_WINDOW.toDays() + " days after from"));
        }
        if (until.isAfter(startsAt)) {
            problems.add(new FieldProblem("until", "must not be after the gathering starts (" + startsAt + ")"));
        }
        if (!until.isAfter(now)) {
            problems.add(new FieldProblem("until", "must be in the future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }

    private String describe() {
        return status == GatheringStatus.PUBLISHED ? "already under way or over" : status.name().toLowerCase(Locale.ROOT);
    }
}
