package io.hybridllm.core.privacy;

import java.util.List;

/**
 * A slot for a statistical named-entity model (for instance an ONNX token-classification model a user brings):
 * returns person, location or other items for one text. Implementations must be thread-safe. Its items are merged
 * with those of the built-in recognizers; overlaps are resolved by confidence.
 */
@FunctionalInterface
public interface EntityTagger {
    /** Items found in {@code text}, spans in UTF-16 offsets, {@link PrivacyItem#messageIndex()} 0. */
    List<PrivacyItem> tag(String text);
}
