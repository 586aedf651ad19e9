package io.hybridllm.local.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns a stream of token ids into text, holding back the bytes of a multi-byte UTF-8 character until the token that
 * completes it arrives. Not thread-safe.
 */
public final class Utf8StreamDecoder {
    private final HfTokenizer tokenizer;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean atStart;

    /** {@code atStart}: the tokens begin a text, so the tokenizer's leading-space strip applies to the first one. */
    public Utf8StreamDecoder(HfTokenizer tokenizer, boolean atStart) {
        this.tokenizer = tokenizer;
        this.atStart = atStart;
    }

    /** Adds a token and returns the text that is now complete (possibly empty). */
    public String append(int id) {
        byte[] b = tokenizer.tokenBytes(id);
        if (b.length == 0) {
            return "";
        }
        int from = 0;
        if (atStart && pending.size() == 0 && tokenizer.stripsLeadingSpace() && b[0] == ' ') {
            from = 1;
        }
        atStart = false;
        pending.write(b, from, b.length - from);
        byte[] all = pending.toByteArray();
        int complete = completePrefix(all);
        pending.reset();
        pending.write(all, complete, all.length - complete);
        return new String(all, 0, complete, StandardCharsets.UTF_8);
    }

    /** Whatever is left (an incomplete character decodes to U+FFFD). */
    public String flush() {
        String s = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        return s;
    }

    /** Length of the longest prefix that does not end inside a UTF-8 sequence. */
    private static int completePrefix(byte[] b) {
        int n = b.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int c = b[n - back] & 0xff;
            if ((c & 0xC0) == 0x80) {
                continue; // continuation byte: keep looking for the lead byte
            }
            int need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            return need > back ? n - back : n;
        }
        return n;
    }
}
