package io.hybridllm.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * A loopback HTTP server that answers one request with a chunked event stream holding {@code firstEvent}, then
 * sends nothing more until closed: a stream that stalls after its first chunk, without any timer on either side.
 */
final class StallingServer implements AutoCloseable {
    private final ServerSocket serverSocket;
    private final Thread thread;
    private final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch clientWentAway = new CountDownLatch(1);

    StallingServer(String firstEvent) throws IOException {
        serverSocket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(firstEvent), "stalling-server");
        thread.setDaemon(true);
        thread.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + serverSocket.getLocalPort() + "/v1";
    }

    private void serve(String firstEvent) {
        try (Socket socket = serverSocket.accept()) {
            InputStream in = socket.getInputStream();
            int contentLength = readHeaders(in);
            in.readNBytes(contentLength);
            byte[] chunk = firstEvent.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + Integer.toHexString(chunk.length) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // wait until the client closes its side (read returns -1) or the test ends
            if (in.read() < 0) {
                clientWentAway.countDown();
            }
            release.await();
        } catch (IOException | InterruptedException e) {
            clientWentAway.countDown();
        }
    }

    private static int readHeaders(InputStream in) throws IOException {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended early");
            }
            headers.append((char) b);
        }
        for (String line : headers.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        release.countDown();
        serverSocket.close();
    }
}
