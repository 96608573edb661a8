package app.soiree.command.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.soiree.api.chat.ConversationId;
import app.soiree.api.chat.MessageId;
import app.soiree.api.error.ErrorCode;
import app.soiree.api.error.SoireeException;
import app.soiree.server.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lookup row a post writes before its command ({@link MessageDirectory#recordBeforeThePost}), against the real table:
 * its transaction commits without waiting for the flush (set by the same statement, for that transaction only), a
 * retried post is accepted, and a post id already used in another conversation is refused. (In the package of
 * {@link MessageDirectory}, which is not public.)
 */
@IntegrationTest
class MessageDirectoryTest {

    @Autowired
    MessageDirectory directory;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theLookupRowsTransactionAloneCommitsWithoutWaitingForTheFlush() {
        MessageId message = new MessageId(UUID.randomUUID());
        ConversationId conversation = new ConversationId(UUID.randomUUID());

        String before = synchronousCommit();
        String inside = transaction.execute(status -> {
            jdbc.execute("set local synchronous_commit to on"); // as on a durable server (the tests' database is not)
            directory.recordBeforeThePost(message, conversation);
            return jdbc.queryForObject("show synchronous_commit", String.class);
        });

        assertThat(inside).isEqualTo("off");
        assertThat(synchronousCommit()).as("the next transaction's").isEqualTo(before);
        assertThat(directory.conversationOf(message)).isEqualTo(conversation);
    }

    private String synchronousCommit() {
        return transaction.execute(status -> jdbc.queryForObject("show synchronous_commit", String.class));
    }

    @Test
    void aRetriedPostIsAcceptedAndItsIdInAnotherConversationRefused() {
        MessageId message = new MessageId(UUID.randomUUID());
        ConversationId conversation = new ConversationId(UUID.randomUUID());
        transaction.executeWithoutResult(status -> directory.recordBeforeThePost(message, conversation));

        transaction.executeWithoutResult(status -> directory.recordBeforeThePost(message, conversation));

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> directory.recordBeforeThePost(message, new ConversationId(UUID.randomUUID()))))
                .isInstanceOfSatisfying(SoireeException.class, refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.ID_ALREADY_USED));
        assertThat(directory.conversationOf(message)).isEqualTo(conversation);
    }
}
