package app.soiree.server.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import app.soiree.api.dispute.DisputeId;
import app.soiree.api.dispute.EvidenceFileId;
import app.soiree.api.dispute.EvidenceFileInfo;
import app.soiree.api.dispute.FindEvidenceFile;
import app.soiree.api.dispute.UploadEvidenceFile;
import app.soiree.api.error.CommandFailures;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.identity.UserId;
import app.soiree.command.dispute.LegacyEvidenceFiles;
import app.soiree.server.support.Booked;
import app.soiree.server.support.IntegrationTest;
import app.soiree.server.support.Uploads;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Evidence files on the object store, with the real command side, PostgreSQL and the embedded default's local store:
 * the console's upload (bytes put in the store by the console, a command with the file's id only), what a refusal
 * leaves (nothing), and files uploaded before the object store, whose bytes were in the database: moved into the store
 * at start-up or when first asked for, and downloadable throughout.
 */
@IntegrationTest
class EvidenceFilesApiTest extends DisputeFixture {

    @Autowired
    QueryGateway queries;
    @Autowired
    LegacyEvidenceFiles legacyFiles;
    private final Map<String, Booked> disputed = new HashMap<>();

    @Test
    void theConsolePutsTheBytesInTheStoreAndTheCommandSideChecksAndRecordsThem() throws IOException {
        String disputeId = openDispute();
        byte[] receipt = Uploads.pdf("Receipt uploaded in the console");
        EvidenceFileId fileId = new EvidenceFileId(UUID.randomUUID());
        objectStore.put(fileId.objectKey(), new ByteArrayInputStream(receipt), receipt.length, "application/pdf");

        // declared as untyped: the command side goes by the bytes
        uploadFromConsole(disputeId, fileId, "C:\\scans\\receipt.pdf", "application/octet-stream");

        awaitFiles(disputeId, 1);
        JsonNode file = getDispute(disputeId).get("files").get(0);
        assertThat(file.get("fileId").asString()).isEqualTo(fileId.toString());
        assertThat(file.get("fileName").asString()).isEqualTo("receipt.pdf");
        assertThat(file.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(file.get("sizeBytes").asLong()).isEqualTo(receipt.length);
        assertThat(file.get("uploadedBy").asString()).isEqualTo(support.userId());
        assertThat(jdbc.queryForMap("select content, sha256 from dispute_evidence_files where file_id = ?", fileId.value()))
                .containsEntry("content", null).containsEntry("sha256", Evidence.sha256(receipt));
        // what the console asks before streaming a download from the store: what the file is, never its bytes
        assertThat(queries.query(new FindEvidenceFile(DisputeId.of(disputeId), fileId), EvidenceFileInfo.class).join())
                .isEqualTo(new EvidenceFileInfo(fileId, "receipt.pdf", "application/pdf", receipt.length));
        assertThat(queries.query(new FindEvidenceFile(DisputeId.of(disputeId), new EvidenceFileId(UUID.randomUUID())),
                EvidenceFileInfo.class).join()).isNull();
        assertThat(evidenceStore.stored(fileId.toString())).isEqualTo(receipt);
        assertThat(uploads.download(files(disputeId) + "/" + fileId, support.accessToken()).body()).isEqualTo(receipt);

        // a retry whose first answer was lost changes nothing, and keeps the file
        uploadFromConsole(disputeId, fileId, "receipt.pdf", "application/pdf");
        assertThat(jdbc.queryForObject("select count(*) from dispute_evidence_files where dispute_id = ?::uuid", Long.class, disputeId))
                .isEqualTo(1);
        assertThat(evidenceStore.stored(fileId.toString())).isEqualTo(receipt);
        // another dispute cannot claim the file, nor take its bytes away
        String otherDispute = openDispute();
        assertThat(refusalOf(otherDispute, fileId, "application/pdf")).isEqualTo(ErrorCode.EVIDENCE_REJECTED);
        assertThat(evidenceStore.stored(fileId.toString())).isEqualTo(receipt);
    }

    @Test
    void aFileTheCommandSideRefusesIsDeletedFromTheStore() throws IOException {
        String disputeId = openDispute();

        EvidenceFileId script = stored("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(refusalOf(disputeId, script, "application/pdf")).isEqualTo(ErrorCode.EVIDENCE_REJECTED);
        assertThat(evidenceStore.stored(script.toString())).isNull();

        EvidenceFileId mislabelled = stored(Uploads.png());
        assertThat(refusalOf(disputeId, mislabelled, "image/jpeg")).isEqualTo(ErrorCode.EVIDENCE_REJECTED);
        assertThat(evidenceStore.stored(mislabelled.toString())).isNull();

        byte[] tooLarge = new byte[5 * 1024 * 1024 + 1];
        byte[] header = Uploads.pdf("big");
        System.arraycopy(header, 0, tooLarge, 0, header.length);
        EvidenceFileId large = stored(tooLarge);
        assertThat(refusalOf(disputeId, large, "application/pdf")).isEqualTo(ErrorCode.EVIDENCE_REJECTED);
        assertThat(evidenceStore.stored(large.toString())).isNull();

        // nothing stored under the id at all
        assertThat(refusalOf(disputeId, new EvidenceFileId(UUID.randomUUID()), "application/pdf")).isEqualTo(ErrorCode.EVIDENCE_REJECTED);

        // refused by the dispute itself, after the file passed every check: rolled back, and the object deleted after that
        decide(disputed.get(disputeId), true);
        awaitDispute(disputeId, "WON");
        EvidenceFileId late = stored(Uploads.pdf("late"));
        assertThat(refusalOf(disputeId, late, "application/pdf")).isEqualTo(ErrorCode.DISPUTE_CLOSED);
        assertThat(evidenceStore.stored(late.toString())).isNull();

        assertThat(getDispute(disputeId).get("files")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from dispute_evidence_files where dispute_id = ?::uuid", Long.class, disputeId))
                .isZero();
    }

    @Test
    void aFileUploadedBeforeTheObjectStoreIsMovedIntoItAndKeepsDownloading() {
        String disputeId = openDispute();
        byte[] receipt = Uploads.pdf("Receipt kept in the database");
        String fileId = legacyFile(disputeId, "old-receipt.pdf", receipt);
        assertThat(evidenceStore.stored(fileId)).isNull();

        // what the command side does at start-up
        assertThat(legacyFiles.moveAll()).isEqualTo(1);

        assertThat(evidenceStore.stored(fileId)).isEqualTo(receipt);
        assertThat(contentInDatabase(fileId)).isNull();
        HttpResponse<byte[]> downloaded = uploads.download(files(disputeId) + "/" + fileId, support.accessToken());
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(receipt);
        assertThat(downloaded.headers().firstValue("Content-Disposition").orElseThrow()).contains("old-receipt.pdf");
        // running it again (the next start, another replica) moves nothing and loses nothing
        assertThat(legacyFiles.moveAll()).isZero();
        assertThat(evidenceStore.stored(fileId)).isEqualTo(receipt);
        awaitFiles(disputeId, 1);
    }

    @Test
    void aFileUploadedBeforeTheObjectStoreIsMovedWhenFirstAskedFor() {
        String disputeId = openDispute();
        byte[] overRest = Uploads.pdf("Downloaded before the move");
        String restFile = legacyFile(disputeId, "rest.pdf", overRest);
        byte[] inConsole = Uploads.pdf("Asked for by the console before the move");
        String consoleFile = legacyFile(disputeId, "console.pdf", inConsole);

        HttpResponse<byte[]> downloaded = uploads.download(files(disputeId) + "/" + restFile, support.accessToken());
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(overRest);
        assertThat(contentInDatabase(restFile)).isNull();

        EvidenceFileInfo info = queries.query(new FindEvidenceFile(DisputeId.of(disputeId), EvidenceFileId.of(consoleFile)),
                EvidenceFileInfo.class).join();
        assertThat(info.sizeBytes()).isEqualTo(inConsole.length);
        assertThat(evidenceStore.stored(consoleFile)).isEqualTo(inConsole);
        assertThat(contentInDatabase(consoleFile)).isNull();
        assertThat(legacyFiles.moveAll()).isZero();
    }

    private String openDispute() {
        Booked paid = paidBooking();
        dispute(paid);
        String disputeId = disputeOf(paid.paymentId());
        awaitDispute(disputeId, "NEEDS_RESPONSE");
        disputed.put(disputeId, paid);
        return disputeId;
    }

    private EvidenceFileId stored(byte[] content) throws IOException {
        EvidenceFileId fileId = new EvidenceFileId(UUID.randomUUID());
        objectStore.put(fileId.objectKey(), new ByteArrayInputStream(content), content.length, "application/octet-stream");
        return fileId;
    }

    /** As the console sends it: no bytes, and the signed-in member as metadata. */
    private void uploadFromConsole(String disputeId, EvidenceFileId fileId, String fileName, String declaredType) {
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(new UploadEvidenceFile(DisputeId.of(disputeId), fileId, fileName,
                declaredType, UserId.of(support.userId()))).withMetaData(asSupport()));
    }

    private @Nullable ErrorCode refusalOf(String disputeId, EvidenceFileId fileId, String declaredType) {
        Throwable refused = catchThrowable(() -> uploadFromConsole(disputeId, fileId, "file.pdf", declaredType));
        assertThat(refused).as("refused").isNotNull();
        return CommandFailures.codeOf(refused).orElse(null);
    }

    private byte @Nullable [] contentInDatabase(String fileId) {
        return jdbc.queryForObject("select content from dispute_evidence_files where file_id = ?::uuid", byte[].class, fileId);
    }

    private void awaitFiles(String disputeId, int count) {
        await().atMost(WAIT).until(() -> getDispute(disputeId).get("files").size() == count);
    }
}
