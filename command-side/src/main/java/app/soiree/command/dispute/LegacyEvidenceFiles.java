package app.soiree.command.dispute;

import app.soiree.api.dispute.EvidenceFileId;
import app.soiree.store.ObjectStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence files uploaded before the object store kept their bytes in {@code dispute_evidence_files.content}. At
 * start-up (of the command role, like all of the command side) every such row is moved into the object store, one row
 * at a time and in one transaction each, holding the row's lock: the bytes are put under the file's
 * {@link EvidenceFileId#objectKey()}, the stored size is checked, and only then is {@code content} set to null. A crash
 * or a store failure in between leaves the row as it was, and the next start (or the next download of that file) puts
 * the same bytes again; running twice, or on two replicas at once, moves each file once. A file that fails to move is
 * logged and skipped, so one bad row does not stop the server or the other rows.
 */
@Component
public class LegacyEvidenceFiles implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LegacyEvidenceFiles.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectStore store;

    LegacyEvidenceFiles(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectStore store) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        int moved = moveAll();
        if (moved > 0) {
            log.info("Moved {} evidence files from the database into the object store", moved);
        }
    }

    /** Moves every file still in the database; answers how many this call moved. */
    public int moveAll() {
        List<UUID> waiting = jdbc.queryForList("select file_id from dispute_evidence_files where content is not null order by uploaded_at",
                UUID.class);
        int moved = 0;
        for (UUID fileId : waiting) {
            try {
                if (move(new EvidenceFileId(fileId))) {
                    moved++;
                }
            } catch (RuntimeException e) {
                log.error("Could not move evidence file {} into the object store; it stays in the database and is tried again "
                        + "on its next download or the next start", fileId, e);
            }
        }
        return moved;
    }

    /** Moves one file, if its bytes are still in the database; answers whether this call moved it. */
    public boolean move(EvidenceFileId fileId) {
        record Waiting(byte[] content, String contentType, String sha256) {
        }
        Boolean moved = transactions.execute(status -> {
            List<Waiting> rows = jdbc.query("""
                            select content, content_type, sha256 from dispute_evidence_files
                            where file_id = ? and content is not null for update""",
                    (row, number) -> new Waiting(row.getBytes("content"), row.getString("content_type"), row.getString("sha256")),
                    fileId.value());
            if (rows.isEmpty()) {
                return false; // moved already, by another start, replica or download
            }
            Waiting file = rows.getFirst();
            if (!sha256(file.content()).equals(file.sha256())) {
                log.warn("Evidence file {} does not match the sha256 recorded at its upload; it is moved as it is", fileId);
            }
            try {
                store.put(fileId.objectKey(), new ByteArrayInputStream(file.content()), file.content().length, file.contentType());
                long stored = store.sizeOf(fileId.objectKey()).orElse(-1);
                if (stored != file.content().length) {
                    throw new IOException("The object store holds " + stored + " bytes of " + file.content().length);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not move evidence file " + fileId + " into the object store", e);
            }
            jdbc.update("update dispute_evidence_files set content = null where file_id = ?", fileId.value());
            return true;
        });
        return Boolean.TRUE.equals(moved);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
