package io.hybridllm.core.internal;

import io.hybridllm.core.spi.ChatBackend;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Backends and the thread pool, shared by a client and the clients derived from it. */
final class SharedResources {
    private static final Logger log = LoggerFactory.getLogger(SharedResources.class);

    private final ChatBackend local;
    private final ChatBackend remote;
    private final Executor suppliedExecutor;
    private ExecutorService ownExecutor;
    private boolean closed;

    SharedResources(ChatBackend local, ChatBackend remote, Executor suppliedExecutor) {
        this.local = local;
        this.remote = remote;
        this.suppliedExecutor = suppliedExecutor;
    }

    synchronized Executor executor() {
        if (suppliedExecutor != null) {
            return suppliedExecutor;
        }
        if (ownExecutor == null) {
            if (closed) {
                throw new java.util.concurrent.RejectedExecutionException("client is closed");
            }
            ownExecutor = new ThreadPoolExecutor(
                    0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), daemonThreads());
        }
        return ownExecutor;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "hybrid-client-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
        }
        closeQuietly(local);
        closeQuietly(remote);
    }

    private static void closeQuietly(ChatBackend backend) {
        if (backend == null) {
            return;
        }
        try {
            backend.close();
        } catch (RuntimeException e) {
            log.warn("backend {} failed to close", backend.name(), e);
        }
    }
}
