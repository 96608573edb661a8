package app.soiree.command.dispute;

import app.soiree.api.RandomUuids;
import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.EvidenceFileId;
import app.soiree.api.dispute.EvidenceFileInfo;
import app.soiree.api.dispute.FindEvidenceFile;
import app.soiree.api.dispute.RecordEvidenceFile;
import app.soiree.api.dispute.UploadEvidenceFile;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.api.identity.UserId;
import app.soiree.store.ContentSniffer;
import app.soiree.store.ObjectStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence files: checked by their content (the declared type and name are the uploader's word, the first bytes are
 * not: Tika's magic-byte detector reads them), bounded in size, kept in the object store under
 * {@link EvidenceFileId#objectKey()}, and recorded on the dispute. The table {@code dispute_evidence_files} keeps what
 * was recorded (name, type, size, sha256, who and when), written in the transaction of the command that records the file
 * on the dispute; its {@code content} column is only where files uploaded before the object store waited to be moved
 * ({@link LegacyEvidenceFiles}). A refused upload (a closed dispute, too many files, the wrong content) leaves neither a
 * row nor an object behind. No bytes travel in a command, query or event.
 */
@Component
public class EvidenceFiles {

    private static final Logger log = LoggerFactory.getLogger(EvidenceFiles.class);

    /** What Stripe accepts as dispute evidence, as {@link ContentSniffer} names what the bytes are. */
    enum Kind {
        PDF("application/pdf"),
        PNG("image/png"),
        JPEG("image/jpeg");

        final String contentType;

        Kind(String contentType) {
            this.contentType = contentType;
        }

        /** The kind of the content {@code stream} starts with; the stream is left at its start. */
        static Optional<Kind> sniff(BufferedInputStream stream) throws IOException {
            String type = ContentSniffer.sniff(stream);
            return Arrays.stream(values()).filter(kind -> kind.contentType.equals(type)).findFirst();
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
    private final ObjectStore store;
    private final LegacyEvidenceFiles legacy;
    private final Clock clock;

    EvidenceFiles(JdbcTemplate jdbc, TransactionTemplate transactions, CommandGateway commands, DisputePolicy policy, ObjectStore store,
                  LegacyEvidenceFiles legacy, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.commands = commands;
        this.policy = policy;
        this.store = store;
        this.legacy = legacy;
        this.clock = clock;
    }

    /**
     * Checks a file of {@code sizeBytes} bytes, streams it into the object store and records it on the dispute; the whole
     * upload is refused if any part of it is, and then no object stays behind. The file's type is read from the stream's
     * first bytes and its sha256 computed while it is stored: it is read once, never held whole.
     */
    public StoredFile upload(DisputeId disputeId, @Nullable String originalName, @Nullable String declaredType, InputStream content,
                             long sizeBytes, UserId uploadedBy) {
        checkSize(sizeBytes);
        EvidenceFileId fileId = new EvidenceFileId(RandomUuids.next());
        BufferedInputStream buffered = new BufferedInputStream(content);
        Kind kind = checkedKind(buffered, declaredType);
        String name = safeName(originalName, kind);
        MessageDigest sha256 = sha256();
        try {
            store.put(fileId.objectKey(), new DigestInputStream(buffered, sha256), sizeBytes, kind.contentType);
        } catch (IOException e) {
            deleteUnlessRecorded(fileId);
            throw new UncheckedIOException("Could not store evidence file " + fileId, e);
        } catch (RuntimeException e) {
            deleteUnlessRecorded(fileId);
            throw e;
        }
        StoredFile file = new StoredFile(fileId, name, kind.contentType, sizeBytes);
        try {
            recordOnDispute(disputeId, file, HexFormat.of().formatHex(sha256.digest()), uploadedBy);
        } catch (RuntimeException refused) {
            deleteUnlessRecorded(fileId);
            throw refused;
        }
        return file;
    }

    /**
     * For the console, which puts the bytes in the object store itself and sends only the file's id: the object is read
     * back, checked as an upload to the staff API is, and recorded; a refused file's object is deleted once the command's
     * unit of work has rolled back (so that the check for a row another try wrote sees committed data only). A file already
     * recorded on this dispute is answered as recorded (a retry whose answer was lost).
     */
    @CommandHandler
    EvidenceFileId handle(UploadEvidenceFile command) {
        EvidenceFileId fileId = command.fileId();
        Optional<UUID> recordedOn = jdbc.query("select dispute_id from dispute_evidence_files where file_id = ?",
                (row, number) -> row.getObject("dispute_id", UUID.class), fileId.value()).stream().findFirst();
        if (recordedOn.isPresent()) {
            if (recordedOn.get().equals(command.disputeId().value())) {
                return fileId;
            }
            // the object is another dispute's file: it is not deleted
            throw new SoireeException(ErrorCode.EVIDENCE_REJECTED, "This file id is taken; upload the file again");
        }
        CurrentUnitOfWork.get().onCleanup(unitOfWork -> {
            if (unitOfWork.isRolledBack()) {
                deleteUnlessRecorded(fileId);
            }
        });
        try {
            OptionalLong size = store.sizeOf(fileId.objectKey());
            if (size.isEmpty()) {
                throw new SoireeException(ErrorCode.EVIDENCE_REJECTED, "No file was stored under this id; upload the file again");
            }
            checkSize(size.getAsLong());
            MessageDigest sha256 = sha256();
            Kind kind;
            long read;
            try (BufferedInputStream buffered = new BufferedInputStream(store.open(fileId.objectKey()))) {
                kind = checkedKind(buffered, command.declaredType());
                read = new DigestInputStream(buffered, sha256).transferTo(OutputStream.nullOutputStream());
            }
            if (read != size.getAsLong()) {
                throw new IOException("Evidence file " + fileId + " changed while it was read");
            }
            StoredFile file = new StoredFile(fileId, safeName(command.fileName(), kind), kind.contentType, read);
            recordOnDispute(command.disputeId(), file, HexFormat.of().formatHex(sha256.digest()), command.uploadedBy());
            return fileId;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read evidence file " + fileId, e);
        }
    }

    /** What was recorded of a dispute's file (a file uploaded before the object store is moved there first). */
    public Optional<StoredFile> find(DisputeId disputeId, EvidenceFileId fileId) {
        record Row(StoredFile file, boolean inDatabase) {
        }
        Optional<Row> found = jdbc.query("""
                        select file_name, content_type, size_bytes, content is not null as in_database
                        from dispute_evidence_files where dispute_id = ? and file_id = ?""",
                (row, number) -> new Row(new StoredFile(fileId, row.getString("file_name"), row.getString("content_type"),
                        row.getLong("size_bytes")), row.getBoolean("in_database")),
                disputeId.value(), fileId.value()).stream().findFirst();
        found.filter(Row::inDatabase).ifPresent(row -> legacy.move(fileId));
        return found.map(Row::file);
    }

    /** The file's bytes, from the object store. */
    public InputStream open(StoredFile file) throws IOException {
        return store.open(file.fileId().objectKey());
    }

    /** The size of the file's object in the store; empty when the store has lost it. */
    public OptionalLong storedSize(StoredFile file) throws IOException {
        return store.sizeOf(file.fileId().objectKey());
    }

    /** For the console, which reads the bytes from the object store itself. */
    @QueryHandler
    @Nullable EvidenceFileInfo handle(FindEvidenceFile query) {
        return find(query.disputeId(), query.fileId())
                .map(file -> new EvidenceFileInfo(file.fileId(), file.fileName(), file.contentType(), file.sizeBytes()))
                .orElse(null);
    }

    private void checkSize(long sizeBytes) {
        if (sizeBytes <= 0) {
            throw new SoireeException(ErrorCode.VALIDATION_FAILED, "The file is empty");
        }
        if (sizeBytes > policy.maxFileSize().toBytes()) {
            throw new SoireeException(ErrorCode.EVIDENCE_REJECTED, "An evidence file may have at most " + policy.maxFileSize().toBytes() + " bytes");
        }
    }

    private static Kind checkedKind(BufferedInputStream content, @Nullable String declaredType) {
        Kind kind;
        try {
            kind = Kind.sniff(content).orElseThrow(() -> new SoireeException(ErrorCode.EVIDENCE_REJECTED,
                    "Evidence files must be PDF, PNG or JPEG; this file's content is none of them"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the evidence file", e);
        }
        if (declaredType != null && !declaredType.isBlank() && !UNTYPED.contains(baseType(declaredType))
                && !baseType(declaredType).equals(kind.contentType)) {
            throw new SoireeException(ErrorCode.EVIDENCE_REJECTED, "The file says it is " + baseType(declaredType) + " but its content is "
                    + kind.contentType);
        }
        return kind;
    }

    /** The row and the dispute's event in one transaction (the caller's, when it has one). */
    private void recordOnDispute(DisputeId disputeId, StoredFile file, String sha256, UserId uploadedBy) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("""
                    insert into dispute_evidence_files
                        (file_id, dispute_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                    values (?, ?, ?, ?, ?, ?, null, ?, ?)""",
                    file.fileId().value(), disputeId.value(), file.fileName(), file.contentType(), file.sizeBytes(), sha256,
                    uploadedBy.value(), Timestamp.from(clock.instant()));
            commands.sendAndWait(new RecordEvidenceFile(disputeId, file.fileId(), file.fileName(), file.contentType(),
                    file.sizeBytes(), sha256, uploadedBy));
        });
    }

    /**
     * Removes a refused file's object, unless the file id is recorded after all: a console's retry of an upload whose
     * first try was still under way is refused by the row the first one wrote, and that file keeps its bytes. A failure
     * is logged, not thrown over the refusal the uploader needs to hear.
     */
    private void deleteUnlessRecorded(EvidenceFileId fileId) {
        try {
            Integer rows = jdbc.queryForObject("select count(*) from dispute_evidence_files where file_id = ?", Integer.class, fileId.value());
            if (rows != null && rows > 0) {
                return;
            }
            store.delete(fileId.objectKey());
        } catch (IOException | RuntimeException e) {
            log.warn("Could not delete the object of refused evidence file {}; it is recorded nowhere", fileId, e);
        }
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
