package io.hybridllm.core.privacy.internal;

import io.hybridllm.core.ChatMessage;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.privacy.PiiClass;
import io.hybridllm.core.privacy.PrivacyAssessment;
import io.hybridllm.core.privacy.PrivacyItem;
import io.hybridllm.core.privacy.Redactor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Replaces items with {@code <TYPE_n>} placeholders, numbered per type in order of first appearance. */
public final class PlaceholderRedactor implements Redactor {
    public static final PlaceholderRedactor INSTANCE = new PlaceholderRedactor();

    private PlaceholderRedactor() {}

    @Override
    public Redaction redact(ChatRequest request, PrivacyAssessment assessment) {
        Map<String, String> placeholderByValue = new HashMap<>();
        Map<String, String> valueByPlaceholder = new LinkedHashMap<>();
        Map<String, Integer> countByType = new HashMap<>();
        List<ChatMessage> messages = new ArrayList<>(request.messages());
        for (int m = 0; m < messages.size(); m++) {
            final int index = m;
            List<PrivacyItem> items = assessment.items().stream()
                    .filter(i -> i.messageIndex() == index)
                    .sorted(Comparator.comparingInt(PrivacyItem::start))
                    .toList();
            if (items.isEmpty()) {
                continue;
            }
            String text = messages.get(m).content();
            StringBuilder out = new StringBuilder(text.length());
            int pos = 0;
            for (PrivacyItem item : items) {
                if (item.start() < pos || item.end() > text.length()) {
                    continue; // overlapping or stale span: the wider earlier item already covers it
                }
                String value = text.substring(item.start(), item.end());
                String placeholder = placeholderByValue.computeIfAbsent(value, v -> {
                    int n = countByType.merge(item.type(), 1, Integer::sum);
                    String p = "<" + item.type() + "_" + n + ">";
                    valueByPlaceholder.put(p, item.piiClass() == PiiClass.SECRET ? p : v);
                    return p;
                });
                out.append(text, pos, item.start()).append(placeholder);
                pos = item.end();
            }
            out.append(text, pos, text.length());
            messages.set(m, messages.get(m).withContent(out.toString()));
        }
        ChatRequest redacted = request.toBuilder().messages(messages).build();
        return new PlaceholderRedaction(redacted, valueByPlaceholder);
    }
}
