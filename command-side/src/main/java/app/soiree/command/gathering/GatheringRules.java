package app.soiree.command.gathering;

import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.gathering.GatheringDetails;
import app.soiree.api.gathering.Tier;
import app.soiree.api.gathering.TierId;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What makes a gathering well-formed, and which edits a published gathering still accepts. */
final class GatheringRules {

    static final int MAX_TIERS = 20;
    static final int MAX_CAPACITY_PER_TIER = 100_000;
    /**
     * A seat costs at most this many minor units (1,000,000.00 in a currency with cents). With at most
     * {@code max-seats-per-booking} seats per booking and {@link #MAX_CAPACITY_PER_TIER} seats per tier,
     * no booking, tier or gathering total can come near overflowing a long.
     */
    static final long MAX_PRICE_MINOR = 100_000_000L;
    static final int MAX_TAGS = 10;
    static final Duration MAX_DURATION = Duration.ofDays(30);
    static final int MAX_REFUND_HOURS_BEFORE = 24 * 365;

    private GatheringRules() {
    }

    static void requireValidDetails(GatheringDetails details) {
        if (!details.startsAt().isBefore(details.endsAt())) {
            throw invalid("endsAt must be after startsAt");
        }
        if (Duration.between(details.startsAt(), details.endsAt()).compareTo(MAX_DURATION) > 0) {
            throw invalid("a gathering lasts at most " + MAX_DURATION.toDays() + " days");
        }
        try {
            ZoneId.of(details.timezone());
        } catch (DateTimeException e) {
            throw invalid("timezone must be an IANA zone id such as Europe/Lisbon");
        }
        if (!details.online() && details.venue() == null) {
            throw invalid("a gathering that is not online needs a venue");
        }
        if (details.tags().size() > MAX_TAGS) {
            throw invalid("at most " + MAX_TAGS + " tags");
        }
        int hours = details.refundPolicy().fullRefundHoursBefore();
        if (hours < 0 || hours > MAX_REFUND_HOURS_BEFORE) {
            throw invalid("refundPolicy.fullRefundHoursBefore must be between 0 and " + MAX_REFUND_HOURS_BEFORE);
        }
    }

    static void requireValidTiers(List<Tier> tiers) {
        if (tiers.isEmpty() || tiers.size() > MAX_TIERS) {
            throw invalid("a gathering has between 1 and " + MAX_TIERS + " tiers");
        }
        Set<TierId> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Tier tier : tiers) {
            if (!ids.add(tier.tierId()) || !names.add(tier.name().strip().toLowerCase())) {
                throw invalid("tier ids and names must be unique");
            }
            if (tier.capacity() < 1 || tier.capacity() > MAX_CAPACITY_PER_TIER) {
                throw invalid("a tier's capacity is between 1 and " + MAX_CAPACITY_PER_TIER);
            }
            if (tier.price().isNegative() || tier.price().amountMinor() > MAX_PRICE_MINOR) {
                throw invalid("a tier's price is between 0 and " + MAX_PRICE_MINOR + " minor units");
            }
            if (!tier.price().currency().equals(tiers.getFirst().price().currency())) {
                throw invalid("all tiers of a gathering are priced in one currency");
            }
        }
    }

    /**
     * Once guests have booked, the gathering they booked must stay what they paid for: the time and
     * the refund policy stay, and a tier with bookings keeps its price and enough seats for them.
     */
    static void requireHarmlessToBookings(GatheringDetails before, GatheringDetails after, Map<TierId, TierSeats> seats,
                                          List<Tier> newTiers) {
        if (!before.startsAt().equals(after.startsAt()) || !before.endsAt().equals(after.endsAt())
                || !before.timezone().equals(after.timezone())) {
            throw new SoireeException(ErrorCode.EDIT_NOT_ALLOWED, "The time of a published gathering cannot change");
        }
        if (after.refundPolicy().fullRefundHoursBefore() > before.refundPolicy().fullRefundHoursBefore()) {
            throw new SoireeException(ErrorCode.EDIT_NOT_ALLOWED, "The refund policy of a published gathering can only become more generous");
        }
        for (TierSeats current : seats.values()) {
            if (current.booked() == 0) {
                continue;
            }
            Tier replacement = newTiers.stream().filter(t -> t.tierId().equals(current.tier().tierId())).findFirst()
                    .orElseThrow(() -> new SoireeException(ErrorCode.CAPACITY_BELOW_BOOKED, "A tier with bookings cannot be removed"));
            if (!Objects.equals(replacement.price(), current.tier().price())) {
                throw new SoireeException(ErrorCode.TIER_PRICE_LOCKED, "The price of a tier with bookings cannot change");
            }
            if (replacement.capacity() < current.booked()) {
                throw new SoireeException(ErrorCode.CAPACITY_BELOW_BOOKED,
                        "Tier " + replacement.name() + " already has " + current.booked() + " seats booked");
            }
        }
    }

    private static SoireeException invalid(String message) {
        return new SoireeException(ErrorCode.VALIDATION_FAILED, message);
    }
}
