package app.soiree.console.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.soiree.api.dispute.AcceptDispute;
import app.soiree.api.dispute.AddDisputeEvidence;
import app.soiree.api.dispute.DisputeStatus;
import app.soiree.api.dispute.DisputeView;
import app.soiree.api.dispute.EvidenceFileId;
import app.soiree.api.dispute.SubmitDisputeEvidence;
import app.soiree.api.dispute.UploadEvidenceFile;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.identity.Actor;
import app.soiree.api.identity.UserId;
import app.soiree.store.ObjectStore;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.RouterLink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A dispute's page shows the dispute and links onwards; support's actions go out after a confirmation, in the signed-in
 * member's name, within the platform's limits, and the page shows their result once the read side has it.
 */
@WithMockUser(username = DisputeViewTest.STAFF_ID, roles = "SUPPORT")
class DisputeDetailViewTest extends DisputeViewTest {

    @Autowired
    ObjectStore store;

    private static final byte[] PDF = "%PDF-1.4 receipt".getBytes(StandardCharsets.US_ASCII);

    @Test
    void thePageShowsTheDisputeAndLinksToThePeopleThingsAndAuditTimeline() {
        DisputeView dispute = openDispute();

        DisputeDetailView view = page(dispute);

        assertThat(view.title.getText()).isEqualTo("Dispute of 25.00 EUR");
        assertThat(view.status.getText()).isEqualTo("NEEDS_RESPONSE");
        assertThat(view.facts.getElement().getTextRecursively()).contains("fraudulent", "20.00 EUR", "Supper club", "Gus Guest",
                "Hana Host", "simulated");
        assertThat($(RouterLink.class).all()).extracting(RouterLink::getHref).contains(
                "lookup?q=" + dispute.guest().userId(), "lookup?q=" + dispute.host().userId(), "lookup?q=" + dispute.bookingId(),
                "lookup?q=" + dispute.paymentId(), "lookup?q=" + dispute.gatheringId(), "audit/Dispute/" + dispute.disputeId());
        assertThat(test(view.timeline).size()).isEqualTo(1);
        assertThat(test(view.timeline).getCellText(0, 1)).isEqualTo("DisputeOpened");
        assertThat(view.actions.submit.isEnabled()).as("nothing to submit yet").isFalse();
        assertThat(view.actions.actionsNote.getText()).isEqualTo("Add evidence before submitting it.");
    }

    @Test
    void anUnknownDisputeSaysSoAndOffersNoActions() {
        DisputeDetailView view = navigate("disputes/" + UUID.randomUUID(), DisputeDetailView.class);

        assertThat(view.facts.getElement().getTextRecursively()).contains("No dispute has this id.");
        assertThat(view.actions.isVisible()).isFalse();
    }

    @Test
    void evidenceTextIsAddedAfterConfirmationInTheStaffMembersNameAndShownOnceProjected() {
        DisputeView dispute = openDispute();
        DisputeDetailView view = page(dispute);

        test(view.actions.evidenceText).setValue("The guest attended; see the check-in.");
        test(view.actions.addEvidence).click();
        assertThat(platform.commands).as("nothing before the confirmation").isEmpty();
        test($(ConfirmDialog.class).last()).confirm();

        AddDisputeEvidence sent = (AddDisputeEvidence) platform.commands.getFirst();
        assertThat(sent.disputeId()).isEqualTo(dispute.disputeId());
        assertThat(sent.text()).isEqualTo("The guest attended; see the check-in.");
        assertThat(sent.fileIds()).isEmpty();
        assertThat(sent.addedBy()).isEqualTo(UserId.of(STAFF_ID));
        assertSentAsTheSignedInSupportMember();
        awaitPushed(() -> view.evidence.getElement().getTextRecursively().contains("The guest attended; see the check-in."));
        assertThat(view.actions.evidenceText.getValue()).isEmpty();
        assertThat(view.actions.submit.isEnabled()).isTrue();
    }

    @Test
    void aFileIsUploadedThenNamedInTheEvidenceAndCanBeDownloaded() {
        DisputeView dispute = openDispute();
        DisputeDetailView view = page(dispute);

        test(view.actions.files.upload).upload("receipt.pdf", "application/pdf", PDF);
        runPushedUpdates();
        assertThat(view.actions.files.pending()).hasSize(1);
        test(view.actions.evidenceText).setValue("Receipt attached.");
        test(view.actions.addEvidence).click();
        test($(ConfirmDialog.class).last()).confirm();

        UploadEvidenceFile file = (UploadEvidenceFile) platform.commands.get(0);
        AddDisputeEvidence evidence = (AddDisputeEvidence) platform.commands.get(1);
        assertThat(file.fileName()).isEqualTo("receipt.pdf");
        assertThat(file.declaredType()).isEqualTo("application/pdf");
        assertThat(file.uploadedBy()).isEqualTo(UserId.of(STAFF_ID));
        assertThat(evidence.fileIds()).containsExactly(file.fileId());
        // the command carries the file's id; the bytes went to the object store under it
        assertThat(stored(file.fileId())).isEqualTo(PDF);
        awaitPushed(() -> !$(Anchor.class).withText("receipt.pdf").all().isEmpty());
        assertThat(view.evidence.getElement().getTextRecursively()).contains("application/pdf, " + PDF.length + " bytes");

        ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
        test($(Anchor.class).withText("receipt.pdf").single()).download(downloaded);
        assertThat(downloaded.toByteArray()).isEqualTo(PDF);
    }

    @Test
    void aFileThePlatformRefusedIsStoredAgainWhenSupportTriesAgain() {
        DisputeView dispute = openDispute();
        DisputeDetailView view = page(dispute);
        test(view.actions.files.upload).upload("receipt.pdf", "application/pdf", PDF);
        runPushedUpdates();
        EvidenceFileId fileId = view.actions.files.pending().getFirst().fileId;
        platform.refuseActionsOn(dispute.disputeId(), ErrorCode.INTERNAL_ERROR);

        test(view.actions.addEvidence).click();
        test($(ConfirmDialog.class).last()).confirm();

        assertThat(view.actions.refusal.isVisible()).isTrue();
        assertThat(stored(fileId)).as("the platform deleted the refused file").isNull();
        assertThat(view.actions.files.pending()).as("still held, to try again").hasSize(1);

        platform.acceptActionsOn(dispute.disputeId());
        test(view.actions.addEvidence).click();
        test($(ConfirmDialog.class).last()).confirm();

        assertThat(platform.commands).hasSize(2);
        assertThat(((UploadEvidenceFile) platform.commands.getFirst()).fileId()).isEqualTo(fileId);
        assertThat(stored(fileId)).isEqualTo(PDF);
        awaitPushed(() -> !$(Anchor.class).withText("receipt.pdf").all().isEmpty());
    }

    @Test
    void aFileLargerThanThePlatformTakesIsRefusedInThePage() {
        DisputeDetailView view = page(openDispute());

        test(view.actions.files.upload).upload("scan.pdf", "application/pdf", new byte[EvidenceUpload.MAX_FILE_BYTES + 1]);
        runPushedUpdates();

        assertThat(view.actions.files.pending()).isEmpty();
        assertThat(view.actions.refusal.isVisible()).isTrue();
        assertThat(view.actions.refusal.getText()).contains("scan.pdf");
    }

    @Test
    void aFileOfAnotherTypeIsRefusedInThePage() {
        DisputeDetailView view = page(openDispute());

        test(view.actions.files.upload).upload("notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        runPushedUpdates();

        assertThat(view.actions.files.pending()).isEmpty();
        assertThat(view.actions.refusal.isVisible()).isTrue();
        assertThat(view.actions.refusal.getText()).contains("notes.txt");
        test(view.actions.addEvidence).click();
        assertThat($(ConfirmDialog.class).all()).as("nothing to add").isEmpty();
        assertThat(platform.commands).isEmpty();
    }

    @Test
    void theLimitsMatchThePlatformsEvidencePolicy() {
        assertThat(EvidenceUpload.MAX_FILE_BYTES).isEqualTo(5 * 1024 * 1024);
        assertThat(EvidenceUpload.refusal("photo.JPG", "image/jpeg", 1000)).isNull();
        assertThat(EvidenceUpload.refusal("photo.png", "application/octet-stream", 1000)).isNull();
        assertThat(EvidenceUpload.refusal("photo.gif", "image/gif", 1000)).isNotNull();
        assertThat(EvidenceUpload.refusal("receipt.pdf", "application/pdf", EvidenceUpload.MAX_FILE_BYTES + 1L)).isNotNull();
    }

    @Test
    void submittingSendsTheEvidenceToTheProviderAfterConfirmationAndTheActionsClose() {
        DisputeView dispute = openDispute();
        DisputeDetailView view = page(dispute);
        addEvidence(view, "Attended.");
        platform.commands.clear();
        platform.commandMetaData.clear();

        test(view.actions.submit).click();
        test($(ConfirmDialog.class).last()).confirm();

        assertThat(platform.commands).containsExactly(new SubmitDisputeEvidence(dispute.disputeId(), UserId.of(STAFF_ID)));
        assertSentAsTheSignedInSupportMember();
        awaitPushed(() -> view.status.getText().equals("UNDER_REVIEW"));
        assertThat(view.actions.submit.isEnabled()).isFalse();
        assertThat(view.actions.accept.isEnabled()).isFalse();
        assertThat(view.actions.addEvidence.isEnabled()).isFalse();
        assertThat(view.actions.actionsNote.getText()).startsWith("The evidence is with the provider");
    }

    @Test
    void acceptingTheLossIsSentAfterConfirmation() {
        DisputeView dispute = openDispute();
        DisputeDetailView view = page(dispute);

        test(view.actions.accept).click();
        test($(ConfirmDialog.class).last()).confirm();

        assertThat(platform.commands).containsExactly(new AcceptDispute(dispute.disputeId(), UserId.of(STAFF_ID)));
        assertSentAsTheSignedInSupportMember();
        awaitPushed(() -> view.status.getText().equals("ACCEPTED"));
        assertThat(view.actions.accept.isEnabled()).isFalse();
    }

    @Test
    void cancellingAConfirmationSendsNothing() {
        DisputeDetailView view = page(openDispute());

        test(view.actions.accept).click();
        test($(ConfirmDialog.class).last()).cancel();

        assertThat(platform.commands).isEmpty();
    }

    @Test
    void aRefusalIsShownInPlainWords() {
        DisputeView dispute = openDispute();
        platform.refuseActionsOn(dispute.disputeId(), ErrorCode.DISPUTE_CLOSED);
        DisputeDetailView view = page(dispute);

        test(view.actions.accept).click();
        test($(ConfirmDialog.class).last()).confirm();

        assertThat(view.actions.refusal.isVisible()).isTrue();
        assertThat(view.actions.refusal.getText()).isEqualTo("The provider has decided this dispute; nothing more can be done on it.");
    }

    @Test
    void aDecidedDisputeOffersNoActions() {
        DisputeDetailView view = page(platform.open(2500, DisputeStatus.WON, TestDisputes.T0, false));

        assertThat(view.actions.addEvidence.isEnabled()).isFalse();
        assertThat(view.actions.submit.isEnabled()).isFalse();
        assertThat(view.actions.accept.isEnabled()).isFalse();
        assertThat(view.actions.files.upload.isEnabled()).isFalse();
        assertThat(view.actions.actionsNote.getText()).startsWith("Closed: the provider decided (WON)");
    }

    /** The bytes the object store holds for the file, or null when it has none. */
    private byte @Nullable [] stored(EvidenceFileId fileId) {
        try {
            if (store.sizeOf(fileId.objectKey()).isEmpty()) {
                return null;
            }
            try (InputStream content = store.open(fileId.objectKey())) {
                return content.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DisputeView openDispute() {
        return platform.open(2500, DisputeStatus.NEEDS_RESPONSE, TestDisputes.T0.plus(Duration.ofDays(7)), false);
    }

    private DisputeDetailView page(DisputeView dispute) {
        return navigate("disputes/" + dispute.disputeId(), DisputeDetailView.class);
    }

    private void addEvidence(DisputeDetailView view, String text) {
        test(view.actions.evidenceText).setValue(text);
        test(view.actions.addEvidence).click();
        test($(ConfirmDialog.class).last()).confirm();
        awaitPushed(view.actions.submit::isEnabled);
    }

    private void assertSentAsTheSignedInSupportMember() {
        assertThat(platform.commandMetaData).allSatisfy(metaData -> {
            assertThat(metaData.get(Actor.USER_ID_KEY)).isEqualTo(STAFF_ID);
            assertThat(metaData.get(Actor.ROLES_KEY)).isEqualTo("SUPPORT");
        });
    }

    private static void awaitPushed(BooleanSupplier shown) {
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            runPushedUpdates();
            return shown.getAsBoolean();
        });
    }
}
