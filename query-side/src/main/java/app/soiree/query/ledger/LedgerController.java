package app.soiree.query.ledger;

import app.soiree.api.ledger.FindAccountEntries;
import app.soiree.api.ledger.FindTrialBalance;
import app.soiree.api.ledger.LedgerEntryPage;
import app.soiree.api.ledger.LedgerEntryView;
import app.soiree.api.ledger.TrialBalanceView;
import app.soiree.query.paging.PageLimit;
import app.soiree.query.paging.TextCursor;
import app.soiree.query.paging.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Finance")
@PreAuthorize("hasRole('FINANCE')")
class LedgerController {

    private final QueryGateway queryGateway;
    private final Clock clock;

    LedgerController(QueryGateway queryGateway, Clock clock) {
        this.queryGateway = queryGateway;
        this.clock = clock;
    }

    @GetMapping("/api/finance/ledger/trial-balance")
    @Operation(summary = "Every account's debits, credits and balance", description = "FINANCE only. Over the postings made up to asOf (default now).")
    TrialBalanceView trialBalance(@Parameter(description = "ISO-8601 instant, default now") @RequestParam(required = false) @Nullable Instant asOf) {
        FindTrialBalance query = new FindTrialBalance(asOf == null ? clock.instant() : asOf);
        return queryGateway.query(query, ResponseTypes.instanceOf(TrialBalanceView.class)).join();
    }

    @GetMapping("/api/finance/ledger/accounts/{account}/entries")
    @Operation(summary = "One account's postings, oldest first, each with the event that made it",
            description = "FINANCE only. The account as in the trial balance, e.g. platform:fees or host:{id}:pending; from inclusive, to exclusive.")
    PageResponse<LedgerEntryView> accountEntries(@PathVariable String account,
                                                 @RequestParam(required = false) @Nullable Instant from,
                                                 @RequestParam(required = false) @Nullable Instant to,
                                                 @RequestParam(required = false) @Nullable String cursor,
                                                 @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) @Nullable Integer limit) {
        FindAccountEntries query = new FindAccountEntries(account, from, to, TextCursor.requireValid(cursor), PageLimit.validated(limit));
        LedgerEntryPage page = queryGateway.query(query, ResponseTypes.instanceOf(LedgerEntryPage.class)).join();
        return new PageResponse<>(page.items(), page.nextCursor());
    }
}
