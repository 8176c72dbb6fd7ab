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
 * A TCP relay in front of the test's SMTP server that can withhold the server's answer to {@code QUIT}: it holds a
 * sender in the moment after the server accepted a mail and before the session ends, where a crash leaves a mail sent
 * but not marked sent.
 */
final class SmtpRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final List<Socket> sockets = new ArrayList<>();
    private volatile boolean holdingQuit;

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

    /** From now on (or no longer), sessions that send {@code QUIT} never hear the answer, and stay open. */
    void holdAnswersToQuit(boolean hold) {
        holdingQuit = hold;
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
                AtomicBoolean quitSent = new AtomicBoolean();
                daemon("smtp-relay-out", () -> pump(client, server, quitSent, true));
                daemon("smtp-relay-back", () -> pump(server, client, quitSent, false));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicBoolean quitSent, boolean fromSender) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                String text = new String(buffer, 0, n, StandardCharsets.US_ASCII);
                if (fromSender && (text.startsWith("QUIT\r\n") || text.contains("\r\nQUIT\r\n"))) {
                    quitSent.set(holdingQuit);
                }
                if (fromSender || !quitSent.get()) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
            if (!quitSent.get()) {
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
