package io.amends.system;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The SMTP server the application under test sends to: a GreenMail in the test JVM, on a free port, started before
 * the application. It can be stopped and started again on the same port, to show that mail waits for it.
 */
public final class TestMailServer {

    private final int port;
    private GreenMail greenMail;
    private final List<Mail> before = new ArrayList<>();

    /** A received mail, read once. */
    public record Mail(String to, String subject, String body, String messageId, String outboxId) {
    }

    private TestMailServer(int port) {
        this.port = port;
    }

    static TestMailServer start() {
        TestMailServer server;
        try {
            server = new TestMailServer(PostgresServer.freePort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.up();
        return server;
    }

    public int port() {
        return port;
    }

    private synchronized void up() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /** Takes the server down: the application's mails wait in its outbox. What was received so far is kept. */
    public synchronized void stop() {
        if (greenMail == null) {
            return;
        }
        before.addAll(read(greenMail));
        greenMail.stop();
        greenMail = null;
    }

    /** Brings the server back on the same port. */
    public synchronized void restart() {
        if (greenMail == null) {
            up();
        }
    }

    public synchronized List<Mail> received() {
        List<Mail> all = new ArrayList<>(before);
        if (greenMail != null) {
            all.addAll(read(greenMail));
        }
        return all;
    }

    /** Waits until at least {@code count} mails match, and answers those that do. */
    public List<Mail> await(Predicate<Mail> matching, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Mail> found = List.of();
        while (System.nanoTime() < deadline) {
            found = received().stream().filter(matching).toList();
            if (found.size() >= count) {
                return found;
            }
            sleep(200);
        }
        throw new AssertionError("Expected " + count + " matching mail(s) within " + timeout + ", got " + found.size()
                + "; received: " + received().stream().map(m -> m.to() + " \"" + m.subject() + "\"").collect(Collectors.joining(", ")));
    }

    /** The mails that match after a quiet while: for "exactly once" and "never" checks. */
    public List<Mail> settled(Predicate<Mail> matching, Duration quiet) {
        sleep(quiet.toMillis());
        return received().stream().filter(matching).toList();
    }

    public static Predicate<Mail> to(String address) {
        return m -> m.to().equalsIgnoreCase(address);
    }

    public static Predicate<Mail> subjectContains(String text) {
        return m -> m.subject() != null && m.subject().contains(text);
    }

    private static List<Mail> read(GreenMail server) {
        List<Mail> out = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                Address[] recipients = message.getAllRecipients();
                String to = recipients == null ? "" : Arrays.stream(recipients).map(Address::toString).collect(Collectors.joining(","));
                Object content = message.getContent();
                out.add(new Mail(to, message.getSubject(), content == null ? "" : content.toString().replace("\r\n", "\n"),
                        message.getMessageID(), message.getHeader("X-Amends-Outbox-Id", null)));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
