package app.soiree.query;

import java.util.List;
import java.util.function.Predicate;

/**
 * The tables the query side's projections write, named once for every test that starts from empty tables. In
 * dependency order: a table comes before the tables it references ({@code gathering_tiers} before {@code gatherings},
 * the replay's balances and differences before {@code ledger_replays}), so they may also be emptied one by one.
 */
public final class ProjectionTables {

    public static final List<String> ALL = List.of(
            "user_profiles",
            "gathering_tiers", "gatherings", "reviews", "bookings", "booking_payment_references",
            "payment_refunds", "payments",
            "booking_refunds", "gathering_cancellation_refunds", "gathering_cancellation_bookings", "gathering_cancellations", "refunds",
            "dispute_evidence", "dispute_files", "dispute_timeline", "disputes",
            "payout_approvals", "payout_accounts", "payouts",
            "ledger_replay_balances", "ledger_replay_differences", "ledger_replays", "ledger_entries", "ledger_balances",
            "chat_reactions", "chat_changes", "chat_messages", "chat_members", "chat_mutes", "chat_bans", "chat_reports", "chat_conversations", "reports",
            "media",
            "notification_delivery_history", "notification_deliveries", "notifications", "notification_settings",
            "notification_named_people", "notification_erased_people",
            "follows", "follow_counts", "user_blocks", "guest_bans", "privacy_settings", "feed_gatherings",
            // kept by the featured and promotion read models (promotion-views); the feed joins them
            "featured_gatherings", "gathering_promotions",
            // the causal timelines' index (audit-timeline)
            "audit_timeline_entries", "audit_timeline_events", "audit_subject_parents", "audit_subject_links",
            "audit_available_lots", "audit_payout_coverage",
            // the audit's hash chain over the stored events, its daily heads and its verifications
            "audit_chain_links", "audit_chain_heads", "audit_chain_verifications");

    private ProjectionTables() {
    }

    /** The statement that empties every projection table. */
    public static String truncateAll() {
        return truncate(table -> true);
    }

    /** The statement that empties the projection tables this selects, in one go. */
    public static String truncate(Predicate<String> which) {
        return "truncate " + String.join(", ", ALL.stream().filter(which).toList()) + " cascade";
    }
}
