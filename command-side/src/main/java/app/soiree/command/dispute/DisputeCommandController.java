package app.soiree.command.dispute;

import app.soiree.api.RandomUuids;
import app.soiree.api.dispute.AcceptDispute;
import app.soiree.api.dispute.AddDisputeEvidence;
import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.DisputeStatus;
import app.soiree.api.dispute.EvidenceFileId;
import app.soiree.api.dispute.EvidenceId;
import app.soiree.api.dispute.SubmitDisputeEvidence;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * Support's actions on a dispute. Every action names its actor in the event it causes. A dispute that does not exist
 * is 404; a decided one refuses everything with 409 {@code DISPUTE_CLOSED}. Reading disputes is the query side's.
 * The evidence files are served from here, where their records are: their bytes stream from the object store.
 */
@RestController
@Tag(name = "Staff")
@PreAuthorize("hasRole('SUPPORT')")
class DisputeCommandController {

    private final CommandGateway commands;
    private final EvidenceFiles files;

    DisputeCommandController(CommandGateway commands, EvidenceFiles files) {
        this.commands = commands;
        this.files = files;
    }

    /**
     * {@code evidenceId} is optional: a client that sends one may repeat the request without adding the evidence twice.
     * It is a key within this dispute only: the evidence's id is derived from it and the dispute, so it can never name
     * another dispute's evidence.
     */
    record EvidenceRequest(@Nullable EvidenceId evidenceId, @NotNull @Size(max = 20_000) String text,
                           @Nullable @Size(max = 20) List<EvidenceFileId> fileIds) {
    }

    record EvidenceAdded(DisputeId disputeId, EvidenceId evidenceId) {
    }

    record DisputeAction(DisputeId disputeId, DisputeStatus status) {
    }

    @PostMapping("/api/staff/disputes/{disputeId}/evidence")
    @Operation(summary = "Add evidence: a text and files uploaded to this dispute before",
            description = "SUPPORT only. 422 EVIDENCE_REJECTED for files of another dispute or too much text; 409 once submitted or decided.")
    EvidenceAdded addEvidence(@PathVariable DisputeId disputeId, @Valid @RequestBody EvidenceRequest request, Actor actor) {
        EvidenceId evidenceId = request.evidenceId() == null ? new EvidenceId(RandomUuids.next())
                : new EvidenceId(UUID.nameUUIDFromBytes(("evidence:" + disputeId + ":" + request.evidenceId()).getBytes(StandardCharsets.UTF_8)));
        commands.sendAndWait(new AddDisputeEvidence(disputeId, evidenceId, request.text(),
                request.fileIds() == null ? List.of() : request.fileIds(), actor.userId()));
        return new EvidenceAdded(disputeId, evidenceId);
    }

    @PostMapping(path = "/api/staff/disputes/{disputeId}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload an evidence file (multipart part \"file\"): PDF, PNG or JPEG, checked by content, at most 5 MB",
            description = "SUPPORT only. 422 EVIDENCE_REJECTED for other types, a content that contradicts the declared type, "
                    + "too large a file or too many files; 400 for an empty one. Then name its fileId in evidence.")
    EvidenceFiles.StoredFile upload(@PathVariable DisputeId disputeId, @RequestPart("file") MultipartFile file, Actor actor) {
        // streamed from the servlet container's copy of the part into the object store, never read whole into memory
        try (InputStream content = file.getInputStream()) {
            return files.upload(disputeId, file.getOriginalFilename(), file.getContentType(), content, file.getSize(), actor.userId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streamed from the object store; {@code Range} requests are answered with the ranges asked for. */
    @GetMapping("/api/staff/disputes/{disputeId}/files/{fileId}")
    @Operation(summary = "Download an evidence file", description = "SUPPORT only.")
    ResponseEntity<Resource> download(@PathVariable DisputeId disputeId, @PathVariable EvidenceFileId fileId) throws IOException {
        EvidenceFiles.StoredFile file = files.find(disputeId, fileId).orElseThrow(() -> SoireeException.notFound("Evidence file"));
        long size = files.storedSize(file).orElseThrow(() -> new IllegalStateException(
                "Evidence file " + fileId + " of dispute " + disputeId + " is recorded but the object store has no object for it"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName(),
                        StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new StoredObject(file, size));
    }

    /** An evidence file's object as Spring serves a resource: opened (again for each range) only when it is written. */
    private final class StoredObject extends AbstractResource {

        private final EvidenceFiles.StoredFile file;
        private final long size;

        StoredObject(EvidenceFiles.StoredFile file, long size) {
            this.file = file;
            this.size = size;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return files.open(file);
        }

        @Override
        public long contentLength() {
            return size;
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public @Nullable String getFilename() {
            return file.fileName();
        }

        @Override
        public String getDescription() {
            return "evidence file " + file.fileId();
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof StoredObject that && that.file.equals(file);
        }

        @Override
        public int hashCode() {
            return file.hashCode();
        }
    }

    @PostMapping("/api/staff/disputes/{disputeId}/submit")
    @Operation(summary = "Send the dispute's evidence to the provider for its decision", description = "SUPPORT only. "
            + "Once; a repeat changes nothing. 503 PAYMENT_PROVIDER_UNAVAILABLE when the provider cannot be reached (try again).")
    DisputeAction submit(@PathVariable DisputeId disputeId, Actor actor) {
        commands.sendAndWait(new SubmitDisputeEvidence(disputeId, actor.userId()));
        return new DisputeAction(disputeId, DisputeStatus.UNDER_REVIEW);
    }

    @PostMapping("/api/staff/disputes/{disputeId}/accept")
    @Operation(summary = "Concede the dispute at the provider", description = "SUPPORT only. The loss is booked when the provider "
            + "reports the dispute lost (at once with the simulated provider).")
    DisputeAction accept(@PathVariable DisputeId disputeId, Actor actor) {
        commands.sendAndWait(new AcceptDispute(disputeId, actor.userId()));
        return new DisputeAction(disputeId, DisputeStatus.ACCEPTED);
    }

    /**
     * A body larger than the servlet's multipart limit ({@code spring.servlet.multipart.max-file-size}) never reaches
     * {@link EvidenceFiles}: it is refused here in the same words (multipart is resolved lazily, so this handler sees it).
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, "The upload is larger than an evidence file may be");
        problem.setType(URI.create("https://soiree.app/problems/evidence-rejected"));
        problem.setTitle(HttpStatus.UNPROCESSABLE_CONTENT.getReasonPhrase());
        problem.setProperty("code", ErrorCode.EVIDENCE_REJECTED.name());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
