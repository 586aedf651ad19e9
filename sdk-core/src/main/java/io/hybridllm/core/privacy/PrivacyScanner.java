package io.hybridllm.core.privacy;

import io.hybridllm.core.ChatMessage;
import io.hybridllm.core.ChatRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds personal data and secrets in text. Implementations are thread-safe and fast enough to run on every
 * request (microseconds for a prompt).
 */
public interface PrivacyScanner {

    /** Scans one text; item spans are UTF-16 offsets into it and {@link PrivacyItem#messageIndex()} is 0. */
    PrivacyAssessment scan(String text);

    /**
     * Scans every message of a request; the level is the highest over all messages. Items point into their
     * message with {@link PrivacyItem#messageIndex()}.
     */
    default PrivacyAssessment scan(ChatRequest request) {
        List<PrivacyItem> items = new ArrayList<>();
        SensitivityLevel level = SensitivityLevel.NONE;
        List<ChatMessage> messages = request.messages();
        for (int i = 0; i < messages.size(); i++) {
            PrivacyAssessment one = scan(messages.get(i).content());
            for (PrivacyItem item : one.items()) {
                items.add(item.inMessage(i));
            }
            if (one.level().compareTo(level) > 0) {
                level = one.level();
            }
        }
        return PrivacyAssessment.of(level, items);
    }
}
