package io.amends.mail.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How much one sweep sends: the dispatcher against a real SMTP server (GreenMail on loopback), with an outbox that
 * keeps its due mails in memory. What the outbox's rows do (leases, retries, the transaction per mail) MailIT checks
 * in the running application.
 */
class MailDispatcherTest {

    private GreenMail smtp;

    @BeforeEach
    void start() throws IOException {
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void aBurstLargerThanOneBatchGoesOutInOneSweep() throws Exception {
        MemoryOutbox outbox = new MemoryOutbox(2 * MailDispatcher.BATCH + 20);

        MailDispatcher.Result result = dispatcher(outbox, smtp.getSmtp().getPort()).dispatch();

        assertThat(result).isEqualTo(new MailDispatcher.Result(2 * MailDispatcher.BATCH + 20, 0));
        assertThat(smtp.getReceivedMessages()).hasSize(2 * MailDispatcher.BATCH + 20);
        assertThat(outbox.sent).hasSize(2 * MailDispatcher.BATCH + 20).doesNotHaveDuplicates();
        assertThat(outbox.leases).containsExactly(MailDispatcher.BATCH, MailDispatcher.BATCH, 20);
    }

    @Test
    void aFullLastBatchLooksOnceMoreAndFindsNothing() throws Exception {
        MemoryOutbox outbox = new MemoryOutbox(MailDispatcher.BATCH);

        MailDispatcher.Result result = dispatcher(outbox, smtp.getSmtp().getPort()).dispatch();

        assertThat(result.sent()).isEqualTo(MailDispatcher.BATCH);
        assertThat(outbox.leases).containsExactly(MailDispatcher.BATCH, 0);
    }

    @Test
    void aServerThatFailsEndsTheSweepAfterItsBatch() throws Exception {
        int nobodyListens = freePort();
        MemoryOutbox outbox = new MemoryOutbox(2 * MailDispatcher.BATCH + 20);

        MailDispatcher.Result result = dispatcher(outbox, nobodyListens).dispatch();

        assertThat(result).isEqualTo(new MailDispatcher.Result(0, MailDispatcher.BATCH));
        assertThat(outbox.leases).as("the rest waits for the next sweep").containsExactly(MailDispatcher.BATCH);
        assertThat(outbox.retried).hasSize(MailDispatcher.BATCH);
        assertThat(outbox.due).hasSize(MailDispatcher.BATCH + 20);
    }

    @Test
    void aSecondSweepWhileOneRunsOnTheSameNodeReturnsAtOnce() throws Exception {
        MemoryOutbox outbox = new MemoryOutbox(3);
        MailDispatcher dispatcher = dispatcher(outbox, smtp.getSmtp().getPort());
        outbox.duringLease = () -> assertThat(dispatcher.dispatch()).isEqualTo(new MailDispatcher.Result(0, 0));

        assertThat(dispatcher.dispatch().sent()).isEqualTo(3);
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    private static MailDispatcher dispatcher(Outbox outbox, int port) {
        MailDispatcher dispatcher = new MailDispatcher();
        dispatcher.outbox = outbox;
        dispatcher.host = "127.0.0.1";
        dispatcher.port = port;
        dispatcher.from = "amends@amends.example";
        dispatcher.username = Optional.empty();
        dispatcher.password = Optional.empty();
        dispatcher.starttls = false;
        dispatcher.timeout = Duration.ofSeconds(5);
        dispatcher.init();
        return dispatcher;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Due mails in memory: leasing takes them off the queue, a retry is recorded and not due again in this sweep. */
    static final class MemoryOutbox extends Outbox {
        final Deque<Leased> due = new ArrayDeque<>();
        final List<Integer> leases = new ArrayList<>();
        final List<Long> sent = new ArrayList<>();
        final List<Long> retried = new ArrayList<>();
        Runnable duringLease = () -> { };

        MemoryOutbox(int mails) {
            for (long id = 1; id <= mails; id++) {
                due.add(new Leased(id, "contact" + id + "@client.example", "Mail " + id, "Body " + id, Instant.now(), 1));
            }
        }

        @Override
        public List<Leased> lease(String node, int limit) {
            duringLease.run();
            List<Leased> leased = new ArrayList<>();
            while (leased.size() < limit && !due.isEmpty()) {
                leased.add(due.poll());
            }
            leases.add(leased.size());
            return leased;
        }

        @Override
        public void sent(long id, String node) {
            sent.add(id);
        }

        @Override
        public void failed(long id, int attempts, String error, boolean permanent) {
            retried.add(id);
        }
    }
}
