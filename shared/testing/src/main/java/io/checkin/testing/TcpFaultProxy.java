package io.checkin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of the store that a test can break: {@link #refuse()} drops every connection and
 * refuses new ones (a store that is down), {@link #hang()} keeps connections open but forwards nothing
 * (a store that accepts and never answers), {@link #loseReplies()} forwards every command but drops the answers
 * (a store that does the work while the network loses what it says: a write applied, its acknowledgement
 * lost), {@link #pass()} restores normal service on the same port.
 */
public final class TcpFaultProxy implements AutoCloseable {

    public enum Mode {
        PASS, REFUSE, HANG, LOSE_REPLIES
    }

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.PASS;
    private volatile ServerSocket server;

    public TcpFaultProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = listen(0);
        this.port = server.getLocalPort();
        startAccepting(server);
    }

    public int port() {
        return port;
    }

    public synchronized void refuse() {
        mode = Mode.REFUSE;
        closeQuietly(server);
        dropConnections();
    }

    public synchronized void hang() {
        mode = Mode.HANG;
        dropConnections();
        ensureListening();
    }

    /** Open connections stay: commands already on their way are carried out, and nobody hears of it. */
    public synchronized void loseReplies() {
        mode = Mode.LOSE_REPLIES;
        ensureListening();
    }

    public synchronized void pass() {
        mode = Mode.PASS;
        dropConnections();
        ensureListening();
    }

    private void ensureListening() {
        if (server.isClosed()) {
            try {
                server = listen(port);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot listen again on port " + port, e);
            }
            startAccepting(server);
        }
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void startAccepting(ServerSocket listening) {
        daemon("proxy-accept-" + port, () -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    open.add(client);
                    if (mode == Mode.PASS || mode == Mode.LOSE_REPLIES) {
                        connect(client);
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void connect(Socket client) {
        try {
            Socket upstream = new Socket(target.getAddress(), target.getPort());
            open.add(upstream);
            daemon("proxy-up", () -> pump(client, upstream, false));
            daemon("proxy-down", () -> pump(upstream, client, true));
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to, boolean replies) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (replies && mode == Mode.LOSE_REPLIES) {
                    continue;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: close both
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private void dropConnections() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(server);
        dropConnections();
    }
}
