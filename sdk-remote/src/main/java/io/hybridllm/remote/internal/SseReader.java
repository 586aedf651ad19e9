package io.hybridllm.remote.internal;

import java.io.IOException;
import okio.BufferedSource;
import okio.ByteString;

/**
 * A pull parser for {@code text/event-stream} bodies, following the WHATWG event-stream rules: lines end in CRLF,
 * LF or CR; {@code :} starts a comment; {@code data} lines are joined with {@code "\n"}; {@code event}, {@code id}
 * and {@code retry} fields are kept; a blank line dispatches the event. Bytes are decoded as UTF-8 a whole line at
 * a time, so a character split across network reads is never broken. Not thread-safe.
 *
 * <p>One leniency: an event still pending when the body ends is dispatched rather than dropped, so a truncated
 * JSON payload surfaces as a parse error instead of a silent end.
 */
public final class SseReader {
    private static final ByteString LINE_END = ByteString.encodeUtf8("\r\n");
    private static final ByteString BOM = ByteString.decodeHex("efbbbf");

    private final BufferedSource source;
    private final StringBuilder data = new StringBuilder();
    private String firstData;
    private boolean multiLine;
    private boolean sawData;
    private String eventType;
    private String lastEventId;
    private long retry = -1;
    private boolean started;

    public SseReader(BufferedSource source) {
        this.source = source;
    }

    /** The next event, or {@code null} at the end of the body. Blocks until a whole event has arrived. */
    public SseEvent next() throws IOException {
        if (!started) {
            started = true;
            if (source.rangeEquals(0, BOM)) {
                source.skip(BOM.size());
            }
        }
        while (true) {
            String line = readLine();
            if (line == null) {
                return sawData ? dispatch() : null;
            }
            if (line.isEmpty()) {
                if (sawData) {
                    return dispatch();
                }
                eventType = null;
                continue;
            }
            processField(line);
        }
    }

    private SseEvent dispatch() {
        // the common single-line event keeps its line's string; only multi-line data is joined
        String joined = multiLine ? data.toString() : firstData;
        SseEvent event = new SseEvent(eventType == null ? "message" : eventType, joined, lastEventId, retry);
        data.setLength(0);
        firstData = null;
        multiLine = false;
        sawData = false;
        eventType = null;
        return event;
    }

    private void processField(String line) {
        if (line.charAt(0) == ':') {
            return;
        }
        int colon = line.indexOf(':');
        String field;
        String value;
        if (colon < 0) {
            field = line;
            value = "";
        } else {
            field = line.substring(0, colon);
            int start = colon + 1;
            if (start < line.length() && line.charAt(start) == ' ') {
                start++;
            }
            value = line.substring(start);
        }
        switch (field) {
            case "data":
                if (!sawData) {
                    firstData = value;
                    sawData = true;
                } else {
                    if (!multiLine) {
                        data.append(firstData);
                        multiLine = true;
                    }
                    data.append('\n').append(value);
                }
                break;
            case "event":
                eventType = value;
                break;
            case "id":
                if (value.indexOf('\0') < 0) {
                    lastEventId = value;
                }
                break;
            case "retry":
                if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    try {
                        retry = Long.parseLong(value);
                    } catch (NumberFormatException ignored) {
                        // too large: ignored like any invalid retry value
                    }
                }
                break;
            default:
                // unknown fields are ignored
        }
    }

    /** Reads one line without its terminator; {@code null} at the end of the body. */
    private String readLine() throws IOException {
        long end = source.indexOfElement(LINE_END);
        if (end < 0) {
            if (source.exhausted()) {
                return null;
            }
            // the last line has no terminator: everything left is the line
            return source.readUtf8();
        }
        String line = source.readUtf8(end);
        byte terminator = source.readByte();
        if (terminator == '\r' && source.request(1) && source.getBuffer().getByte(0) == '\n') {
            source.skip(1);
        }
        return line;
    }
}
