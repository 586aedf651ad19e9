package io.hybridllm.core.privacy.internal;

import io.hybridllm.core.ChatMessage;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.privacy.PiiClass;
import io.hybridllm.core.privacy.PrivacyAssessment;
import io.hybridllm.core.privacy.PrivacyItem;
import io.hybridllm.core.privacy.Redactor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces items with {@code <TYPE_n>} placeholders, numbered per type in order of first appearance across the
 * whole conversation: one value always gets one placeholder, and every other occurrence of a detected value (at
 * word boundaries, in any message) is replaced too. Numbers already used as literal text in the request are
 * skipped, so restoring never touches text the user wrote. Values of never-restore classes stay redacted in the
 * answer.
 */
public final class PlaceholderRedactor implements Redactor {
    public static final PlaceholderRedactor INSTANCE = new PlaceholderRedactor(EnumSet.of(PiiClass.SECRET));

    private static final int MIN_PROPAGATED_LENGTH = 3;

    private final Set<PiiClass> neverRestore;

    public PlaceholderRedactor(Set<PiiClass> neverRestore) {
        this.neverRestore = neverRestore.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(neverRestore));
    }

    @Override
    public Redaction redact(ChatRequest request, PrivacyAssessment assessment) {
        List<ChatMessage> messages = new ArrayList<>(request.messages());
        StringBuilder all = new StringBuilder();
        for (ChatMessage m : messages) {
            if (m.hasContent()) {
                all.append(m.content()).append('\n');
            }
        }
        String allText = all.toString();
        // 1. One placeholder per distinct value, in order of appearance.
        Map<String, String> placeholderByValue = new LinkedHashMap<>();
        Map<String, String> valueByPlaceholder = new LinkedHashMap<>();
        Map<String, Integer> countByType = new HashMap<>();
        List<PrivacyItem> items = new ArrayList<>(assessment.items());
        items.sort(Comparator.comparingInt(PrivacyItem::messageIndex).thenComparingInt(PrivacyItem::start));
        List<List<int[]>> spans = new ArrayList<>();
        for (int m = 0; m < messages.size(); m++) {
            spans.add(new ArrayList<>());
        }
        for (PrivacyItem item : items) {
            if (item.messageIndex() >= messages.size()
                    || !messages.get(item.messageIndex()).hasContent()) {
                continue;
            }
            String text = messages.get(item.messageIndex()).content();
            if (item.end() > text.length()) {
                continue; // stale span: not this request's text
            }
            String value = text.substring(item.start(), item.end());
            placeholderByValue.computeIfAbsent(value, v -> {
                String p;
                do {
                    int n = countByType.merge(item.type(), 1, Integer::sum);
                    p = "<" + item.type() + "_" + n + ">";
                } while (allText.contains(p));
                valueByPlaceholder.put(p, neverRestore.contains(item.piiClass()) ? p : v);
                return p;
            });
            spans.get(item.messageIndex()).add(new int[] {item.start(), item.end()});
        }
        // 2. Every other whole-word occurrence of a detected value, in any message.
        for (int m = 0; m < messages.size(); m++) {
            if (!messages.get(m).hasContent()) {
                continue;
            }
            String text = messages.get(m).content();
            for (String value : placeholderByValue.keySet()) {
                if (value.length() < MIN_PROPAGATED_LENGTH) {
                    continue;
                }
                int from = 0;
                int at;
                while ((at = text.indexOf(value, from)) >= 0) {
                    int end = at + value.length();
                    if (boundary(text, at - 1) && boundary(text, end)) {
                        spans.get(m).add(new int[] {at, end});
                    }
                    from = at + 1;
                }
            }
        }
        // 3. Rewrite each message, left to right, skipping spans inside an earlier (wider) one.
        for (int m = 0; m < messages.size(); m++) {
            List<int[]> s = spans.get(m);
            if (s.isEmpty()) {
                continue;
            }
            s.sort(Comparator.comparingInt((int[] a) -> a[0]).thenComparingInt(a -> -a[1]));
            String text = messages.get(m).content();
            StringBuilder out = new StringBuilder(text.length());
            int pos = 0;
            for (int[] span : s) {
                if (span[0] < pos) {
                    continue;
                }
                String placeholder = placeholderByValue.get(text.substring(span[0], span[1]));
                out.append(text, pos, span[0]).append(placeholder);
                pos = span[1];
            }
            out.append(text, pos, text.length());
            messages.set(m, messages.get(m).withContent(out.toString()));
        }
        ChatRequest redacted = request.toBuilder().messages(messages).build();
        return new PlaceholderRedaction(redacted, valueByPlaceholder);
    }

    private static boolean boundary(String text, int i) {
        return i < 0 || i >= text.length() || !Character.isLetterOrDigit(text.charAt(i));
    }
}
