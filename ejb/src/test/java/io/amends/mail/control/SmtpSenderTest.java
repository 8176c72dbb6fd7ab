package io.amends.mail.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What counts as sent: the SMTP server's acceptance of the message data, and nothing after it. A scripted SMTP server
 * on loopback plays the server's side.
 */
class SmtpSenderTest {

    /** What the scripted server does after it accepted the message. */
    enum AfterData { ANSWERS_QUIT, NEVER_ANSWERS_QUIT }

    private final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch done = new CountDownLatch(1);
    private ServerSocket socket;

    @AfterEach
    void stop() throws IOException {
        done.countDown();
        socket.close();
    }

    @Test
    void aMailTheServerAcceptedIsSent() throws Exception {
        sender(serve(AfterData.ANSWERS_QUIT, 250)).send(mail());
        assertThat(accepted).hasSize(1).allSatisfy(m -> assertThat(m).contains("Message-ID: <amends.42."));
    }

    @Test
    void aMailTheServerAcceptedIsSentEvenWhenTheServerThenNeverAnswersQuit() throws Exception {
        // Counted as a failure, this mail would be sent again: a duplicate without any crash.
        sender(serve(AfterData.NEVER_ANSWERS_QUIT, 250)).send(mail());
        assertThat(accepted).hasSize(1);
    }

    @Test
    void mailsInARowShareOneSession() throws Exception {
        // The scripted server takes one connection only: a second one would never be greeted and time out.
        try (SmtpSender.Connection session = sender(serve(AfterData.ANSWERS_QUIT, 250)).session()) {
            for (long id = 1; id <= 3; id++) {
                session.send(new SmtpSender.Mail(id, "erika@client.example", "Mail " + id, "Dear Erika",
                        Instant.parse("2026-11-25T04:00:00Z")));
            }
        }
        assertThat(accepted).hasSize(3).satisfiesExactly(
                m -> assertThat(m).contains("Message-ID: <amends.1."),
                m -> assertThat(m).contains("Message-ID: <amends.2."),
                m -> assertThat(m).contains("Message-ID: <amends.3."));
    }

    @Test
    void aMailTheServerDidNotAcceptFailsAndIsTriedAgain() throws Exception {
        SmtpSender sender = sender(serve(AfterData.ANSWERS_QUIT, 451));
        assertThatThrownBy(() -> sender.send(mail())).isInstanceOf(MessagingException.class);
    }

    private static SmtpSender.Mail mail() {
        return new SmtpSender.Mail(42, "erika@client.example", "Our apology", "Dear Erika", Instant.parse("2026-11-25T04:00:00Z"));
    }

    private static SmtpSender sender(int port) {
        return new SmtpSender(new SmtpSettings("127.0.0.1", port, "care@amends.test", null, null, false, 500));
    }

    /** Starts the scripted server for one connection; {@code dataReply} is its answer to the message data. */
    private int serve(AfterData after, int dataReply) throws IOException {
        socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread server = new Thread(() -> {
            try (Socket client = socket.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = client.getOutputStream();
                reply(out, "220 scripted ESMTP");
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase();
                    switch (verb) {
                        case "EHLO", "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                        case "DATA" -> {
                            reply(out, "354 go on");
                            StringBuilder message = new StringBuilder();
                            for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                                message.append(data).append('\n');
                            }
                            if (dataReply == 250) {
                                accepted.add(message.toString());
                                reply(out, "250 queued");
                            } else {
                                reply(out, dataReply + " try again later");
                            }
                        }
                        case "QUIT" -> {
                            if (after == AfterData.NEVER_ANSWERS_QUIT) {
                                done.await();
                            } else {
                                reply(out, "221 bye");
                            }
                            return;
                        }
                        default -> reply(out, "502 not here");
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the test is over
            }
        }, "scripted-smtp");
        server.setDaemon(true);
        server.start();
        return socket.getLocalPort();
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
