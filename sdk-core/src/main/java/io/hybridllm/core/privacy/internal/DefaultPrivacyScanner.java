package io.hybridllm.core.privacy.internal;

import io.hybridllm.core.privacy.EntityTagger;
import io.hybridllm.core.privacy.PrivacyAssessment;
import io.hybridllm.core.privacy.PrivacyItem;
import io.hybridllm.core.privacy.PrivacyScanner;
import io.hybridllm.core.privacy.SensitivityRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The full scanner: runs every recognizer over the text, drops items below the confidence floor, disabled types
 * and allow-listed values, keeps the most confident of overlapping items, and derives the level with a
 * {@link SensitivityRule}. Immutable and thread-safe.
 */
public final class DefaultPrivacyScanner implements PrivacyScanner {
    private static final Comparator<PrivacyItem> BEST_FIRST = Comparator.comparingDouble(
                    (PrivacyItem i) -> -i.confidence())
            .thenComparingInt(i -> -(i.end() - i.start()))
            .thenComparingInt(PrivacyItem::start);

    private final List<Recognizer> recognizers;
    private final SensitivityRule rule;
    private final double minConfidence;
    private final Set<String> disabledTypes;
    private final Set<String> allowValues;
    private final EntityTagger tagger;

    DefaultPrivacyScanner(
            List<Recognizer> recognizers,
            SensitivityRule rule,
            double minConfidence,
            Set<String> disabledTypes,
            Set<String> allowValues,
            EntityTagger tagger) {
        this.recognizers = List.copyOf(recognizers);
        this.rule = rule;
        this.minConfidence = minConfidence;
        this.disabledTypes = Set.copyOf(disabledTypes);
        this.allowValues = Set.copyOf(allowValues);
        this.tagger = tagger;
    }

    @Override
    public PrivacyAssessment scan(String text) {
        if (text == null || text.isEmpty()) {
            return PrivacyAssessment.none();
        }
        ScanText t = new ScanText(text);
        List<PrivacyItem> found = new ArrayList<>();
        for (Recognizer r : recognizers) {
            r.find(t, found);
        }
        if (tagger != null) {
            for (PrivacyItem item : tagger.tag(text)) {
                if (item.end() <= text.length()) {
                    found.add(item.inMessage(0));
                }
            }
        }
        List<PrivacyItem> kept = resolve(found, text);
        return kept.isEmpty() ? PrivacyAssessment.none() : PrivacyAssessment.of(rule.levelOf(kept), kept);
    }

    private List<PrivacyItem> resolve(List<PrivacyItem> found, String text) {
        if (found.isEmpty()) {
            return found;
        }
        List<PrivacyItem> candidates = new ArrayList<>(found.size());
        for (PrivacyItem item : found) {
            if (item.confidence() < minConfidence || disabledTypes.contains(item.type())) {
                continue;
            }
            if (!allowValues.isEmpty() && allowValues.contains(text.substring(item.start(), item.end()))) {
                continue;
            }
            candidates.add(item);
        }
        candidates.sort(BEST_FIRST);
        boolean empty = false;
        for (PrivacyItem item : candidates) {
            empty |= item.start() == item.end();
        }
        if (!empty) {
            // Without empty items, an item overlaps a kept one exactly when one of its positions is taken.
            java.util.BitSet taken = new java.util.BitSet(text.length());
            List<PrivacyItem> kept = new ArrayList<>();
            for (PrivacyItem item : candidates) {
                int next = taken.nextSetBit(item.start());
                if (next < 0 || next >= item.end()) {
                    taken.set(item.start(), item.end());
                    kept.add(item);
                }
            }
            kept.sort(Comparator.comparingInt(PrivacyItem::start));
            return kept;
        }
        // Kept items never overlap, so ordered by start they are also ordered by end: a candidate overlaps a kept
        // item only if the kept item starting just before it, or the one starting at/after it, intersects it.
        java.util.TreeMap<Integer, PrivacyItem> byStart = new java.util.TreeMap<>();
        List<PrivacyItem> kept = new ArrayList<>();
        for (PrivacyItem item : candidates) {
            java.util.Map.Entry<Integer, PrivacyItem> before = byStart.floorEntry(item.start());
            java.util.Map.Entry<Integer, PrivacyItem> after = byStart.ceilingEntry(item.start());
            boolean overlaps = before != null && before.getValue().end() > item.start()
                    || after != null && after.getKey() < item.end();
            if (!overlaps) {
                byStart.put(item.start(), item);
                kept.add(item);
            }
        }
        kept.sort(Comparator.comparingInt(PrivacyItem::start));
        return kept;
    }
}
