package io.amends.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server for benchmark runs that takes every mail and keeps none: the server under load sends its mails as it
 * would in production, instead of retrying against a refused connection for the whole run (which costs it processor
 * time no production server spends). It speaks the part of SMTP that Jakarta Mail uses without authentication:
 * EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
 *
 * <pre>
 * java -cp benchmarks.jar io.amends.bench.load.SmtpSink --port 2525 --count-file mails.count
 * </pre>
 *
 * <p>It listens on 127.0.0.1 only. Every second it writes the number of mails taken so far to the count file.
 */
public final class SmtpSink {

    private static final AtomicLong TAKEN = new AtomicLong();

    private SmtpSink() {
    }

    public static void main(String[] args) throws IOException {
        int port = 2525;
        Path countFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--count-file" -> countFile = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (--port, --count-file)");
            }
        }
        if (countFile != null) {
            Path file = countFile;
            Thread writer = new Thread(() -> {
                while (true) {
                    try {
                        Files.writeString(file, TAKEN.get() + "\n");
                        Thread.sleep(1000);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            }, "count-file");
            writer.setDaemon(true);
            writer.start();
        }
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            System.out.println("SMTP sink on 127.0.0.1:" + server.getLocalPort());
            while (true) {
                Socket client = server.accept();
                Thread session = new Thread(() -> serve(client), "smtp-" + client.getPort());
                session.setDaemon(true);
                session.start();
            }
        }
    }

    private static void serve(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-sink\r\n250 8BITMIME");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        String body;
                        while ((body = in.readLine()) != null && !body.equals(".")) {
                            // the mail is read to its end and dropped
                        }
                        TAKEN.incrementAndGet();
                        reply(out, "250 OK taken");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away; the next connection is served as usual
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
