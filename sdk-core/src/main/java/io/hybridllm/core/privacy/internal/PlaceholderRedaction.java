package io.hybridllm.core.privacy.internal;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.privacy.Redactor;
import java.util.Map;

/** One call's placeholders and their values (never-restore values map to themselves). */
final class PlaceholderRedaction implements Redactor.Redaction {
    private final ChatRequest request;
    private final Map<String, String> valueByPlaceholder;
    private final int longestPlaceholder;

    PlaceholderRedaction(ChatRequest request, Map<String, String> valueByPlaceholder) {
        this.request = request;
        this.valueByPlaceholder = Map.copyOf(valueByPlaceholder);
        this.longestPlaceholder = valueByPlaceholder.keySet().stream()
                .mapToInt(String::length)
                .max()
                .orElse(0);
    }

    @Override
    public ChatRequest request() {
        return request;
    }

    @Override
    public int placeholderCount() {
        return valueByPlaceholder.size();
    }

    @Override
    public String restore(String text) {
        if (valueByPlaceholder.isEmpty() || text.indexOf('<') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        while (pos < text.length()) {
            int open = text.indexOf('<', pos);
            if (open < 0) {
                break;
            }
            int close = text.indexOf('>', open);
            if (close < 0) {
                break;
            }
            String value =
                    close - open < longestPlaceholder ? valueByPlaceholder.get(text.substring(open, close + 1)) : null;
            if (value == null) {
                out.append(text, pos, open + 1);
                pos = open + 1;
            } else {
                out.append(text, pos, open).append(value);
                pos = close + 1;
            }
        }
        out.append(text, pos, text.length());
        return out.toString();
    }

    @Override
    public Redactor.StreamRestorer newStreamRestorer() {
        return new Redactor.StreamRestorer() {
            private final StringBuilder pending = new StringBuilder();

            @Override
            public String push(String delta) {
                pending.append(delta);
                int holdFrom = holdBackStart(pending);
                String release = restore(pending.substring(0, holdFrom));
                pending.delete(0, holdFrom);
                return release;
            }

            @Override
            public String finish() {
                String rest = restore(pending.toString());
                pending.setLength(0);
                return rest;
            }
        };
    }

    /**
     * Where the buffer's tail could still become a placeholder: the last {@code '<'} whose text up to the end is a
     * proper prefix of some placeholder. Everything before it can be restored and released now.
     */
    private int holdBackStart(CharSequence buffer) {
        int n = buffer.length();
        for (int i = n - 1; i >= 0 && n - i < longestPlaceholder; i--) {
            if (buffer.charAt(i) != '<') {
                continue;
            }
            String tail = buffer.subSequence(i, n).toString();
            for (String p : valueByPlaceholder.keySet()) {
                if (p.length() > tail.length() && p.startsWith(tail)) {
                    return i;
                }
            }
        }
        return n;
    }
}
