package io.hybridllm.core.privacy.internal;

import io.hybridllm.core.privacy.PrivacyItem;
import java.util.List;

/** One detector of the default scanner. Implementations are stateless and thread-safe. */
interface Recognizer {
    /** Adds the items found in {@code text} to {@code out}. */
    void find(ScanText text, List<PrivacyItem> out);
}
