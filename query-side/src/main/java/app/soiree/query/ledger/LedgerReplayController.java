package app.soiree.query.ledger;

import app.soiree.api.RandomUuids;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Actor;
import app.soiree.api.ledger.FindLedgerReplay;
import app.soiree.api.ledger.FindLedgerReplays;
import app.soiree.api.ledger.LedgerReplayPage;
import app.soiree.api.ledger.LedgerReplayView;
import app.soiree.api.ledger.StartLedgerReplay;
import app.soiree.query.paging.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replays of the ledger for finance. The start goes through the command bus, as the console's does,
 * so both are attributed and refused the same way.
 */
@RestController
@Tag(name = "Finance")
@PreAuthorize("hasRole('FINANCE')")
class LedgerReplayController {

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;

    LedgerReplayController(CommandGateway commandGateway, QueryGateway queryGateway) {
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
    }

    @PostMapping("/api/finance/ledger/replays")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild every balance from the first event beside the live ledger, and compare",
            description = "FINANCE only. Runs in the background up to the stream's head at this moment; follow it at "
                    + "/api/finance/ledger/replays/{replayId}. 409 STATE_CONFLICT while another replay is running.")
    ReplayStarted start(Actor actor) {
        UUID replayId = commandGateway.sendAndWait(new StartLedgerReplay(RandomUuids.next(), actor.userId().toString()));
        return new ReplayStarted(replayId);
    }

    @GetMapping("/api/finance/ledger/replays/{replayId}")
    @Operation(summary = "A replay's status, progress and outcome",
            description = "FINANCE only. matches, digest and differences are there once it has COMPLETED.")
    LedgerReplayView replay(@PathVariable UUID replayId) {
        LedgerReplayView replay = queryGateway.query(new FindLedgerReplay(replayId), ResponseTypes.instanceOf(LedgerReplayView.class)).join();
        if (replay == null) {
            throw SoireeException.notFound("Ledger replay " + replayId);
        }
        return replay;
    }

    @GetMapping("/api/finance/ledger/replays")
    @Operation(summary = "The latest replays, newest first", description = "FINANCE only.")
    LedgerReplayPage replays(@Parameter(description = "1 to 100, default 20") @RequestParam(required = false) @Nullable Integer limit) {
        return queryGateway.query(new FindLedgerReplays(PageLimit.validated(limit)), ResponseTypes.instanceOf(LedgerReplayPage.class)).join();
    }

    record ReplayStarted(UUID replayId) {
    }
}
