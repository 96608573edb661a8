package app.soiree.query.ledger;

import app.soiree.api.identity.Actor;
import app.soiree.api.identity.Role;
import app.soiree.api.ledger.FindWallet;
import app.soiree.api.ledger.FindWalletEntries;
import app.soiree.api.ledger.WalletEntryPage;
import app.soiree.api.ledger.WalletEntryView;
import app.soiree.api.ledger.WalletView;
import app.soiree.query.paging.PageLimit;
import app.soiree.query.paging.TextCursor;
import app.soiree.query.paging.PageResponse;
import app.soiree.query.web.RenderedJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * A host's own wallet: there is no way to ask for another host's. Read from this role's own read model directly, as the
 * social and feed reads are: the query bus (the console's way in) wrapped each read in a unit of work and a JPA
 * transaction, about a quarter of the request's CPU in a profile of this read (docs/benchmarks.md, "Cheaper reads").
 * The role is checked from the actor, not by {@code @PreAuthorize}: its proxy (an interceptor chain and a SpEL
 * evaluation per call) was a tenth of this read's CPU. The wallet itself is answered as last read until money moves
 * ({@link WalletAnswers}).
 */
@RestController
@Tag(name = "Wallet")
class WalletController {

    private final LedgerQueries ledger;
    private final WalletAnswers answers;
    private final JsonMapper json;

    WalletController(LedgerQueries ledger, WalletAnswers answers, JsonMapper json) {
        this.ledger = ledger;
        this.answers = answers;
        this.json = json;
    }

    @GetMapping("/api/me/wallet")
    @Operation(summary = "What the platform owes the signed-in host, per currency", description = "HOST only.")
    RenderedJson<WalletView> wallet(Actor actor) {
        requireHost(actor);
        return answers.of(actor.userId(), host -> RenderedJson.of(json, ledger.handle(new FindWallet(host))));
    }

    @GetMapping("/api/me/wallet/entries")
    @Operation(summary = "The movements of the signed-in host's wallet, newest first", description = "HOST only.")
    PageResponse<WalletEntryView> entries(Actor actor,
                                          @RequestParam(required = false) @Nullable String cursor,
                                          @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) @Nullable Integer limit) {
        requireHost(actor);
        FindWalletEntries query = new FindWalletEntries(actor.userId(), TextCursor.requireValid(cursor), PageLimit.validated(limit));
        WalletEntryPage page = ledger.handle(query);
        return new PageResponse<>(page.items(), page.nextCursor());
    }

    /** 403, as any role check: a wallet is a host's. */
    private static void requireHost(Actor actor) {
        if (!actor.has(Role.HOST)) {
            throw new AccessDeniedException("Only a host has a wallet");
        }
    }
}
