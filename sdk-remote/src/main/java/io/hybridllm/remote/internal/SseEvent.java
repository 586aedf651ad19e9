package io.hybridllm.remote.internal;

/**
 * One dispatched server-sent event.
 *
 * @param event the event type ({@code "message"} when the server named none)
 * @param data the data lines joined with {@code "\n"}
 * @param id the last event id seen so far, or {@code null}
 * @param retry the last reconnection time in milliseconds the server sent, or -1
 */
public record SseEvent(String event, String data, String id, long retry) {}
