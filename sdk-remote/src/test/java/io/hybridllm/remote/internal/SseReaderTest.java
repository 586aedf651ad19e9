package io.hybridllm.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SseReaderTest {

    private static List<SseEvent> readAll(BufferedSource source) throws IOException {
        SseReader reader = new SseReader(source);
        List<SseEvent> events = new ArrayList<>();
        for (SseEvent e = reader.next(); e != null; e = reader.next()) {
            events.add(e);
        }
        return events;
    }

    private static List<SseEvent> readAll(String body) throws IOException {
        return readAll(new Buffer().writeUtf8(body));
    }

    /** A source that hands out one byte per read, like a server that drips its body. */
    private static BufferedSource oneByteAtATime(byte[] bytes) {
        Source source = new Source() {
            private int position;

            @Override
            public long read(Buffer sink, long byteCount) {
                if (position >= bytes.length) {
                    return -1;
                }
                sink.writeByte(bytes[position++]);
                return 1;
            }

            @Override
            public Timeout timeout() {
                return Timeout.NONE;
            }

            @Override
            public void close() {}
        };
        return Okio.buffer(source);
    }

    @Test
    void joinsMultiLineDataWithNewlines() throws IOException {
        List<SseEvent> events = readAll("data: {\ndata: \"a\":\ndata: 1}\n\n");
        assertThat(events).extracting(SseEvent::data).containsExactly("{\n\"a\":\n1}");
    }

    @Test
    void ignoresCommentsAndUnknownFields() throws IOException {
        List<SseEvent> events = readAll(": ping\nfoo: bar\ndata: x\n: another\n\n");
        assertThat(events).extracting(SseEvent::data).containsExactly("x");
    }

    @Test
    void keepsEventTypeIdAndRetry() throws IOException {
        List<SseEvent> events = readAll("event: delta\nid: 42\nretry: 1500\ndata: a\n\ndata: b\n\n");
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo(new SseEvent("delta", "a", "42", 1500));
        // the event type resets after each event; the last id and retry persist
        assertThat(events.get(1)).isEqualTo(new SseEvent("message", "b", "42", 1500));
    }

    @Test
    void ignoresRetryThatIsNotDigits() throws IOException {
        assertThat(readAll("retry: soon\ndata: a\n\n").get(0).retry()).isEqualTo(-1);
    }

    @Test
    void blockWithoutDataDispatchesNothing() throws IOException {
        assertThat(readAll("event: ignored\n\nid: 1\n\nretry: 10\n\n")).isEmpty();
    }

    @Test
    void emptyDataLineDispatchesAnEmptyEvent() throws IOException {
        assertThat(readAll("data:\n\n")).extracting(SseEvent::data).containsExactly("");
    }

    @Test
    void stripsOnlyOneLeadingSpaceAndKeepsFieldWithoutColon() throws IOException {
        assertThat(readAll("data:  two spaces\n\ndata\n\n"))
                .extracting(SseEvent::data)
                .containsExactly(" two spaces", "");
    }

    @Test
    void acceptsCrLfAndBareCrLineEndings() throws IOException {
        assertThat(readAll("data: a\r\n\r\ndata: b\r\rdata: c\n\n"))
                .extracting(SseEvent::data)
                .containsExactly("a", "b", "c");
    }

    @Test
    void skipsByteOrderMark() throws IOException {
        assertThat(readAll("\uFEFFdata: a\n\n")).extracting(SseEvent::data).containsExactly("a");
    }

    @Test
    void toleratesLeadingBlankLines() throws IOException {
        assertThat(readAll("\n\n\ndata: a\n\n")).extracting(SseEvent::data).containsExactly("a");
    }

    @Test
    void dispatchesAnEventLeftPendingAtTheEnd() throws IOException {
        assertThat(readAll("data: a\n\ndata: {\"trunc"))
                .extracting(SseEvent::data)
                .containsExactly("a", "{\"trunc");
    }

    @Test
    void keepsLineSeparatorCharactersInsideJson() throws IOException {
        String data = "{\"content\":\"a\u2028b\u2029c\u0085d\"}";
        assertThat(readAll("data: " + data + "\n\n")).extracting(SseEvent::data).containsExactly(data);
    }

    @Test
    void decodesMultiByteCharactersArrivingOneByteAtATime() throws IOException {
        String body = "data: {\"content\":\"известни 👋 Grüße\"}\r\n\r\nid: é\ndata: ✓\n\n";
        List<SseEvent> events = readAll(oneByteAtATime(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(events).extracting(SseEvent::data).containsExactly("{\"content\":\"известни 👋 Grüße\"}", "✓");
        assertThat(events.get(1).id()).isEqualTo("é");
    }

    @Test
    void crAtTheEndOfARead() throws IOException {
        // CR arrives, then LF in a later read: one line end, not two
        List<SseEvent> events = readAll(oneByteAtATime("data: a\r\ndata: b\r\n\r\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(events).extracting(SseEvent::data).containsExactly("a\nb");
    }

    static Stream<JsonObject> sharedParserCases() throws IOException {
        String shared = System.getProperty("hybridllm.shared.dir", "../../shared");
        Path file = Path.of(shared, "evaldata", "wire", "openai-java", "sse_parser_cases.json");
        assumeTrue(Files.isRegularFile(file), "shared SSE parser cases not found at " + file + "; skipping");
        JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        List<JsonObject> cases = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray("cases")) {
            cases.add(e.getAsJsonObject());
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("sharedParserCases")
    void parsesTheSharedOpenAiJavaCases(JsonObject testCase) throws IOException {
        byte[] body = testCase.get("body").getAsString().getBytes(StandardCharsets.UTF_8);
        List<SseEvent> events = readAll(oneByteAtATime(body));
        if (testCase.has("expected_messages")) {
            var expected = testCase.getAsJsonArray("expected_messages");
            assertThat(events).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                JsonObject message = expected.get(i).getAsJsonObject();
                assertThat(events.get(i).data()).isEqualTo(message.get("data").getAsString());
                if (message.has("id")) {
                    assertThat(events.get(i).id()).isEqualTo(message.get("id").getAsString());
                }
            }
        } else {
            // the error case: the reader yields the event; the stream layer turns it into an exception
            assertThat(events).hasSize(1);
            JsonObject error = JsonParser.parseString(events.get(0).data())
                    .getAsJsonObject()
                    .getAsJsonObject("error");
            assertThat(error).isEqualTo(testCase.getAsJsonObject("expected_error"));
        }
    }
}
