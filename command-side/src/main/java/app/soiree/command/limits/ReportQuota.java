package app.soiree.command.limits;

import app.soiree.api.error.RateLimitedException;
import app.soiree.api.identity.UserId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How many reports one account may file in any 24 hours ({@code soiree.abuse.reports-per-user-per-day}), of users,
 * gatherings and messages together: support reads every report, so one account must not be able to bury the queue.
 * A place is taken just before a report is filed (checked and taken under the account's advisory lock, so two
 * requests cannot both squeeze under the cap, on any replica) and given back when the report is refused or turns out
 * to be a repeat of an open one. A place lapses 24 hours after it was taken.
 */
@Component
public class ReportQuota {

    static final Duration WINDOW = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AbuseLimits limits;
    private final Clock clock;

    ReportQuota(JdbcTemplate jdbc, TransactionTemplate transactions, AbuseLimits limits, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Takes a place for the report {@code reportId}, or refuses with 429 and when the reporter's oldest place lapses.
     * Taking the place of a report that has one already (a retry) changes nothing. Answers whether this call took a
     * place, which only then is the caller's to {@link #giveBack}.
     */
    public boolean take(UserId reporter, UUID reportId) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            jdbc.query("select pg_advisory_xact_lock(hashtextextended('report-quota:' || ?, 0))", rs -> null, reporter.toString());
            Instant now = clock.instant();
            Instant windowStart = now.minus(WINDOW);
            Integer known = jdbc.queryForObject("select count(*) from report_quota_uses where report_id = ?", Integer.class, reportId);
            if (known != null && known > 0) {
                return false;
            }
            jdbc.update("delete from report_quota_uses where reporter_id = ? and filed_at <= ?", reporter.value(), Timestamp.from(windowStart));
            Usage usage = jdbc.queryForObject("select count(*), min(filed_at) from report_quota_uses where reporter_id = ?",
                    (rs, row) -> new Usage(rs.getInt(1), rs.getTimestamp(2)), reporter.value());
            if (usage != null && usage.filed() >= limits.reportsPerUserPerDay()) {
                Timestamp oldest = usage.oldest();
                Duration untilOldestLapses = oldest == null ? WINDOW : Duration.between(now, oldest.toInstant().plus(WINDOW));
                throw new RateLimitedException("At most " + limits.reportsPerUserPerDay() + " reports a day; try again later",
                        untilOldestLapses.isNegative() || untilOldestLapses.isZero() ? Duration.ofSeconds(1) : untilOldestLapses);
            }
            jdbc.update("insert into report_quota_uses (report_id, reporter_id, filed_at) values (?, ?, ?)", reportId, reporter.value(),
                    Timestamp.from(now));
            return true;
        }));
    }

    /** Gives a place back: its report was refused, or was a repeat that filed nothing. */
    public void giveBack(UUID reportId) {
        jdbc.update("delete from report_quota_uses where report_id = ?", reportId);
    }

    private record Usage(int filed, @Nullable Timestamp oldest) {
    }
}
