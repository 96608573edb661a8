package app.soiree.query.audit;

import app.soiree.api.RandomUuids;
import app.soiree.api.audit.ChainHeadPage;
import app.soiree.api.audit.ChainVerificationView;
import app.soiree.api.audit.FindChainHeads;
import app.soiree.api.audit.FindChainVerification;
import app.soiree.api.audit.StartChainVerification;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Actor;
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
 * Tamper evidence for finance: verifications of the hash chain over the stored events, and the daily
 * chain heads to notarise. The start goes through the command bus, as a ledger replay's does, so that
 * it is attributed and refused the same way from the API and the console.
 */
@RestController
@Tag(name = "Finance")
@PreAuthorize("hasRole('FINANCE')")
class ChainVerificationController {

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;

    ChainVerificationController(CommandGateway commandGateway, QueryGateway queryGateway) {
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
    }

    @PostMapping("/api/finance/audit/verifications")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Walk the stored events from the first and check each against the hash chain",
            description = "FINANCE only. Runs in the background up to the stream's head at this moment; follow it at "
                    + "/api/finance/audit/verifications/{verificationId}. 409 STATE_CONFLICT while another verification is running.")
    VerificationStarted start(Actor actor) {
        UUID verificationId = commandGateway.sendAndWait(new StartChainVerification(RandomUuids.next(), actor.userId().toString()));
        return new VerificationStarted(verificationId);
    }

    @GetMapping("/api/finance/audit/verifications/{verificationId}")
    @Operation(summary = "A verification's status, progress and finding",
            description = "FINANCE only. intact is there once it has COMPLETED; when false, firstBrokenEventId names the first event, "
                    + "in stream order, whose link does not hold, and brokenLink says how.")
    ChainVerificationView verification(@PathVariable UUID verificationId) {
        ChainVerificationView verification = queryGateway.query(new FindChainVerification(verificationId),
                ResponseTypes.instanceOf(ChainVerificationView.class)).join();
        if (verification == null) {
            throw SoireeException.notFound("Chain verification " + verificationId);
        }
        return verification;
    }

    @GetMapping("/api/finance/audit/chain-heads")
    @Operation(summary = "Each day's last link of the hash chain, newest day first",
            description = "FINANCE only. Hand a day's linkHash to an outside party (a notary, a timestamping service); a later "
                    + "verification proves nothing chained before it was rewritten.")
    ChainHeadPage chainHeads(@Parameter(description = "1 to 100, default 20") @RequestParam(required = false) @Nullable Integer limit) {
        return queryGateway.query(new FindChainHeads(PageLimit.validated(limit)), ResponseTypes.instanceOf(ChainHeadPage.class)).join();
    }

    record VerificationStarted(UUID verificationId) {
    }
}
