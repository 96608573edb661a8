package app.soiree.command.dispute;

import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.EvidenceFileContent;
import app.soiree.api.dispute.EvidenceFileId;
import app.soiree.api.dispute.FindEvidenceFile;
import app.soiree.api.dispute.RecordEvidenceFile;
import app.soiree.api.dispute.UploadEvidenceFile;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence files: checked by their content (the declared type and name are the uploader's word, the first bytes are
 * not), bounded in size, and stored in PostgreSQL together with the command that records them on the dispute, so a
 * refused upload (a closed dispute, too many files) leaves no bytes behind.
 */
@Component
public class EvidenceFiles {

    /** What Stripe accepts as dispute evidence, recognised by the bytes every such file starts with. */
    enum Kind {
        PDF("application/pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII)),
        PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
        JPEG("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});

        final String contentType;
        private final byte[] signature;

        Kind(String contentType, byte[] signature) {
            this.contentType = contentType;
            this.signature = signature;
        }

        static Optional<Kind> sniff(byte[] content) {
            return Arrays.stream(values())
                    .filter(kind -> content.length >= kind.signature.length
                            && Arrays.equals(content, 0, kind.signature.length, kind.signature, 0, kind.signature.length))
                    .findFirst();
        }
    }

    public record StoredFile(EvidenceFileId fileId, String fileName, String contentType, long sizeBytes) {
    }

    private static final int MAX_NAME_LENGTH = 200;
    private static final List<String> UNTYPED = List.of("application/octet-stream", "binary/octet-stream");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final CommandGateway commands;
    private final DisputePolicy policy;
    private final Clock clock;

    EvidenceFiles(JdbcTemplate jdbc, TransactionTemplate transactions, CommandGateway commands, DisputePolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.commands = commands;
        this.policy = policy;
        this.clock = clock;
    }

    /** Checks, stores and records a file on the dispute; the whole upload is refused if any part of it is. */
    public StoredFile upload(DisputeId disputeId, @Nullable String originalName, @Nullable String declaredType, byte[] content,
                             UserId uploadedBy) {
        return upload(disputeId, new EvidenceFileId(UUID.randomUUID()), originalName, declaredType, content, uploadedBy);
    }

    /** For the console, which reaches the file store only through the command bus. */
    @CommandHandler
    EvidenceFileId handle(UploadEvidenceFile command) {
        return upload(command.disputeId(), command.fileId(), command.fileName(), command.declaredType(), command.content(),
                command.uploadedBy()).fileId();
    }

    private StoredFile upload(DisputeId disputeId, EvidenceFileId fileId, @Nullable String originalName, @Nullable String declaredType,
                              byte[] content, UserId uploadedBy) {
        if (content.length == 0) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "The file is empty");
        }
        if (content.length > policy.maxFileSize().toBytes()) {
            throw new SoireeException(ErrorCode.EVIDENCE_REJECTED, "An evidence file may have at most " + policy.maxFileSize().toBytes() + " bytes");
        }
        Kind kind = Kind.sniff(content).orElseThrow(() -> new SoireeException(ErrorCode.EVIDENCE_REJECTED,
                "Evidence files must be PDF, PNG or JPEG; this file's content is none of them"));
        if (declaredType != null && !declaredType.isBlank() && !UNTYPED.contains(baseType(declaredType))
                && !baseType(declaredType).equals(kind.contentType)) {
            throw new SoireeException(ErrorCode.EVIDENCE_REJECTED, "The file says it is " + baseType(declaredType) + " but its content is "
                    + kind.contentType);
        }
        String name = safeName(originalName, kind);
        String sha256 = sha256(content);
        transactions.executeWithoutResult(status -> {
            jdbc.update("""
                    insert into dispute_evidence_files
                        (file_id, dispute_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    fileId.value(), disputeId.value(), name, kind.contentType, content.length, sha256, content, uploadedBy.value(),
                    Timestamp.from(clock.instant()));
            commands.sendAndWait(new RecordEvidenceFile(disputeId, fileId, name, kind.contentType, content.length, sha256, uploadedBy));
        });
        return new StoredFile(fileId, name, kind.contentType, content.length);
    }

    public Optional<EvidenceFileContent> find(DisputeId disputeId, EvidenceFileId fileId) {
        return jdbc.query("select file_name, content_type, content from dispute_evidence_files where dispute_id = ? and file_id = ?",
                (row, number) -> new EvidenceFileContent(fileId, row.getString("file_name"), row.getString("content_type"),
                        row.getBytes("content")),
                disputeId.value(), fileId.value()).stream().findFirst();
    }

    /** For the console, which reaches the file store only through the query bus. */
    @QueryHandler
    @Nullable EvidenceFileContent handle(FindEvidenceFile query) {
        return find(query.disputeId(), query.fileId()).orElse(null);
    }

    private static String baseType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }

    /** The last path segment, without control characters, bounded; a file without a usable name gets one. */
    static String safeName(@Nullable String originalName, Kind kind) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c) && c != '"')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "evidence." + kind.name().toLowerCase(Locale.ROOT);
        }
        return name.length() <= MAX_NAME_LENGTH ? name : name.substring(name.length() - MAX_NAME_LENGTH);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
