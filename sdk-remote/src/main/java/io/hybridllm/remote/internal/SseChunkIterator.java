package io.hybridllm.remote.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.hybridllm.core.ChatChunk;
import io.hybridllm.core.errors.HybridException;
import io.hybridllm.core.errors.MalformedResponseException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Pulls chat chunks from an event stream. A failure before any chunk has reached the caller is retried like a
 * failed request (other endpoints included); once a chunk has been handed out, failures end the stream with a
 * typed exception. An error object sent mid-stream becomes the matching {@link HybridException}. Not thread-safe,
 * except {@link #close()}, which may be called from any thread and cancels the HTTP call.
 */
final class SseChunkIterator implements Iterator<ChatChunk> {
    private final Exchange exchange;
    private final ArrayDeque<ChatChunk> pending = new ArrayDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private Exchange.Opened opened;
    private SseReader reader;
    private boolean delivered;
    private volatile boolean done;

    SseChunkIterator(Exchange exchange, Exchange.Opened opened) {
        this.exchange = exchange;
        this.opened = opened;
        this.reader = new SseReader(opened.response().body().source());
    }

    @Override
    public boolean hasNext() {
        while (pending.isEmpty() && !done) {
            if (closed.get()) {
                done = true;
                break;
            }
            try {
                readEvent();
            } catch (HybridException failure) {
                if (delivered || !failure.isRetryable() || closed.get()) {
                    exchange.recordFailure(opened.endpoint(), failure);
                    finish();
                    throw failure;
                }
                try {
                    opened = exchange.reopenAfter(opened, failure);
                } catch (RuntimeException exhausted) {
                    finish();
                    throw exhausted;
                }
                reader = new SseReader(opened.response().body().source());
            }
        }
        return !pending.isEmpty();
    }

    @Override
    public ChatChunk next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        delivered = true;
        return pending.poll();
    }

    /**
     * Stops the stream: cancels the call if it is still running and releases the connection. A stream read to its
     * end is not cancelled, so its connection goes back to the pool. Idempotent.
     */
    void close() {
        if (closed.compareAndSet(false, true)) {
            if (!done) {
                exchange.cancelCurrent();
            }
            opened.close();
        }
    }

    private void readEvent() {
        Endpoint endpoint = opened.endpoint();
        SseEvent event;
        try {
            event = reader.next();
        } catch (IOException e) {
            if (exchange.isCancelled() || closed.get()) {
                throw Exchange.cancelled(e);
            }
            throw endpoint.errors().fromIo(e, exchange.isDeadline(e));
        }
        if (event == null) {
            finish();
            return;
        }
        String data = event.data();
        if (data.equals("[DONE]")) {
            finish();
            return;
        }
        if (data.isBlank()) {
            return;
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(data);
        } catch (RuntimeException e) {
            if ("error".equals(event.event())) {
                throw endpoint.errors().fromErrorObject(new com.google.gson.JsonPrimitive(data), requestId());
            }
            throw new MalformedResponseException(
                    "stream from " + endpoint.label() + " sent an event that is not JSON", e);
        }
        if (!root.isJsonObject()) {
            throw new MalformedResponseException(
                    "stream from " + endpoint.label() + " sent an event that is no object");
        }
        JsonObject object = root.getAsJsonObject();
        JsonElement error = Json.member(object, "error");
        if (error != null) {
            throw endpoint.errors().fromErrorObject(error, requestId());
        }
        if ("error".equals(event.event())) {
            throw endpoint.errors().fromErrorObject(object, requestId());
        }
        try {
            pending.addAll(ResponseDecoder.chunks(object));
        } catch (RuntimeException e) {
            throw new MalformedResponseException(
                    "stream from " + endpoint.label() + " sent a chunk of unexpected shape", e);
        }
    }

    private String requestId() {
        return RemoteCaller.requestId(opened);
    }

    private void finish() {
        done = true;
        opened.close();
    }
}
