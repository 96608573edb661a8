package app.soiree.server.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import app.soiree.server.support.IntegrationTest;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The AOT cache's training workload, small, against the real server: what the image build runs must go through the API as
 * it is (a change to a path it uses fails here, not in a Docker build), and it must really book out, pay, read and chat.
 */
@IntegrationTest
class TrainingWorkloadTest {

    @LocalServerPort
    int port;

    @Test
    void booksOutPaysReadsAndChatsThroughTheApi() throws Exception {
        TrainingWorkload.Done done = new TrainingWorkload(URI.create("http://localhost:" + port),
                new TrainingWorkload.Size(6, 4, 2, 3)).run();

        assertThat(done.bookingsConfirmed()).isEqualTo(8);
        assertThat(done.soldOutAnswers()).isEqualTo(4);
        assertThat(done.reads()).isEqualTo(24);
        assertThat(done.posts()).isPositive();
    }
}
