package io.hybridllm.core.privacy;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.privacy.internal.PlaceholderRedactor;

/**
 * Replaces detected items with placeholders before a request leaves the device, and restores them in the answer.
 * Thread-safe; each {@link Redaction} belongs to one call.
 */
@FunctionalInterface
public interface Redactor {
    /** Redacts every item of {@code assessment} in {@code request}. */
    Redaction redact(ChatRequest request, PrivacyAssessment assessment);

    /**
     * Stable typed placeholders ({@code <EMAIL_ADDRESS_1>}), the same value getting the same placeholder across all
     * messages of the request; secrets are never restored.
     */
    static Redactor placeholders() {
        return PlaceholderRedactor.INSTANCE;
    }

    /**
     * Like {@link #placeholders()}, but values of the {@code neverRestore} classes stay as placeholders in the
     * answer (for example {@code EnumSet.of(PiiClass.SECRET, PiiClass.GOV_ID)}).
     */
    static Redactor placeholders(java.util.Set<PiiClass> neverRestore) {
        return new PlaceholderRedactor(neverRestore);
    }

    /** The redacted request of one call and the way back. */
    interface Redaction {
        /** The request with placeholders in place of the items. */
        ChatRequest request();

        /** How many distinct values were replaced. */
        int placeholderCount();

        /** Puts the original values back into a complete answer text. */
        String restore(String text);

        /** A restorer for a streamed answer, in which a placeholder may be split across chunks. */
        StreamRestorer newStreamRestorer();
    }

    /**
     * Restores placeholders in a stream of text pieces: holds back only what could be the start of a placeholder
     * and releases it once it is known. Not thread-safe.
     */
    interface StreamRestorer {
        /** Accepts the next piece and returns the text that can be released now (possibly empty). */
        String push(String delta);

        /** Returns whatever is still held back, at the end of the stream. */
        String finish();
    }
}
