package io.amends.bench.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 client over one kept-alive socket: one request at a time, Content-Length or chunked bodies.
 *
 * <p>The load generator shares two cores with the server it measures, so it must cost as little as possible: no
 * thread pools, no selectors, no header maps, one connection per virtual client like wrk. It only talks to the
 * loopback address it is given.
 */
final class Http implements Closeable {

    /** Status and body of one response. */
    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private Socket socket;
    int timeoutMillis = 120_000;
    private InputStream in;
    private OutputStream out;

    Http(String host, int port) {
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            throw new IllegalArgumentException("The load generator only talks to the loopback address, not " + host);
        }
        this.host = host;
        this.port = port;
    }

    Response get(String path, String token) throws IOException {
        return send("GET", path, token, null);
    }

    Response post(String path, String token, String json) throws IOException {
        return send("POST", path, token, json.getBytes(StandardCharsets.UTF_8));
    }

    Response send(String method, String path, String token, byte[] body) throws IOException {
        try {
            return exchange(method, path, token, body);
        } catch (IOException stale) {
            // The server closed an idle kept-alive connection: reconnect once.
            close();
            return exchange(method, path, token, body);
        }
    }

    private Response exchange(String method, String path, String token, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMillis);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            in = new BufferedInputStream(socket.getInputStream(), 65_536);
            out = socket.getOutputStream();
        }
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(host).append(':').append(port).append("\r\nAccept: application/json\r\n");
        if (token != null && token.startsWith("amk_")) {
            head.append("X-Api-Key: ").append(token).append("\r\n"); // a system's API key (storefront)
        } else if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body == null) {
            out.write(h);
        } else {
            byte[] all = new byte[h.length + body.length];
            System.arraycopy(h, 0, all, 0, h.length);
            System.arraycopy(body, 0, all, h.length, body.length);
            out.write(all);
        }
        out.flush();
        String status = line();
        if (status == null) {
            throw new IOException("Connection closed before the response");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String line = line(); line != null && !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream(length > 0 ? (int) length : 1024);
        if (chunked) {
            while (true) {
                String size = line();
                int semicolon = size.indexOf(';');
                int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (n == 0) {
                    for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                        // trailers are ignored
                    }
                    break;
                }
                copy(content, n);
                line();
            }
        } else if (length >= 0) {
            copy(content, length);
        } else if (code != 204 && code != 304) {
            in.transferTo(content);
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(code, content.toByteArray());
    }

    private void copy(ByteArrayOutputStream to, long n) throws IOException {
        byte[] buffer = new byte[8192];
        while (n > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, n));
            if (read < 0) {
                throw new IOException("Connection closed in the middle of a body");
            }
            to.write(buffer, 0, read);
            n -= read;
        }
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int len = s.length();
                return len > 0 && s.charAt(len - 1) == '\r' ? s.substring(0, len - 1) : s.toString();
            }
            s.append((char) c);
        }
        return s.length() == 0 ? null : s.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
