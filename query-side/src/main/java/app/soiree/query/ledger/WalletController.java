package app.soiree.query.ledger;

import app.soiree.api.identity.Actor;
import app.soiree.api.ledger.FindWallet;
import app.soiree.api.ledger.FindWalletEntries;
import app.soiree.api.ledger.WalletEntryPage;
import app.soiree.api.ledger.WalletEntryView;
import app.soiree.api.ledger.WalletView;
import app.soiree.query.paging.PageLimit;
import app.soiree.query.paging.TextCursor;
import app.soiree.query.paging.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A host's own wallet: there is no way to ask for another host's. */
@RestController
@Tag(name = "Wallet")
@PreAuthorize("hasRole('HOST')")
class WalletController {

    private final QueryGateway queryGateway;

    WalletController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/api/me/wallet")
    @Operation(summary = "What the platform owes the signed-in host, per currency", description = "HOST only.")
    WalletView wallet(Actor actor) {
        return queryGateway.query(new FindWallet(actor.userId()), ResponseTypes.instanceOf(WalletView.class)).join();
    }

    @GetMapping("/api/me/wallet/entries")
    @Operation(summary = "The movements of the signed-in host's wallet, newest first", description = "HOST only.")
    PageResponse<WalletEntryView> entries(Actor actor,
                                          @RequestParam(required = false) @Nullable String cursor,
                                          @Parameter(description = "1 to 100, default 20") @RequestParam(required = false) @Nullable Integer limit) {
        FindWalletEntries query = new FindWalletEntries(actor.userId(), TextCursor.requireValid(cursor), PageLimit.validated(limit));
        WalletEntryPage page = queryGateway.query(query, ResponseTypes.instanceOf(WalletEntryPage.class)).join();
        return new PageResponse<>(page.items(), page.nextCursor());
    }
}
