package io.amends.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay in front of the test's SMTP server that can withhold the server's answer to the end of a message's data
 * (its {@code 250}): the server has taken the mail, and the sender, never told so, has not marked it sent. That is the
 * moment where a crash leaves a mail sent but not marked sent.
 */
final class SmtpRelay implements AutoCloseable {

    private static final String END_OF_DATA = "\r\n.\r\n"; // dot-stuffing keeps it out of the message itself

    private final ServerSocket listener;
    private final int target;
    private final List<Socket> sockets = new ArrayList<>();
    private volatile boolean holding;

    private SmtpRelay(ServerSocket listener, int target) {
        this.listener = listener;
        this.target = target;
    }

    static SmtpRelay inFrontOf(int port) throws IOException {
        SmtpRelay relay = new SmtpRelay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), port);
        daemon("smtp-relay", relay::accept);
        return relay;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** From now on (or no longer), a session that ends a message's data never hears another answer, and stays open. */
    void holdAnswersToData(boolean hold) {
        holding = hold;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                synchronized (sockets) {
                    sockets.add(client);
                    sockets.add(server);
                }
                AtomicBoolean held = new AtomicBoolean();
                daemon("smtp-relay-out", () -> pump(client, server, held, true));
                daemon("smtp-relay-back", () -> pump(server, client, held, false));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicBoolean held, boolean fromSender) {
        byte[] buffer = new byte[8192];
        String tail = ""; // the sender's last bytes before, for an end of data split across two reads (never a whole one)
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (fromSender) {
                    String text = tail + new String(buffer, 0, n, StandardCharsets.US_ASCII);
                    if (holding && text.contains(END_OF_DATA)) {
                        held.set(true);
                    }
                    tail = text.substring(Math.max(0, text.length() - (END_OF_DATA.length() - 1)));
                }
                if (fromSender || !held.get()) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
            if (!held.get()) {
                to.close(); // a held sender must not even see the connection end
            }
        } catch (IOException closed) {
            // one side went away; close() tidies up
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (sockets) {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }
}
