package io.hybridllm.core.privacy;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** The privacy side of a request's assessment: a sensitivity level and the items that led to it. Immutable. */
public final class PrivacyAssessment {
    private static final PrivacyAssessment NONE = new PrivacyAssessment(SensitivityLevel.NONE, List.of());

    private final SensitivityLevel level;
    private final List<PrivacyItem> items;

    private PrivacyAssessment(SensitivityLevel level, List<PrivacyItem> items) {
        this.level = Objects.requireNonNull(level, "level == null");
        this.items = List.copyOf(items);
    }

    public static PrivacyAssessment of(SensitivityLevel level, List<PrivacyItem> items) {
        return items.isEmpty() && level == SensitivityLevel.NONE ? NONE : new PrivacyAssessment(level, items);
    }

    /** Nothing detected. */
    public static PrivacyAssessment none() {
        return NONE;
    }

    public SensitivityLevel level() {
        return level;
    }

    /** The detected items, ordered by message and start offset. */
    public List<PrivacyItem> items() {
        return items;
    }

    /** The classes present among the items. */
    public Set<PiiClass> classes() {
        Set<PiiClass> classes = EnumSet.noneOf(PiiClass.class);
        items.forEach(i -> classes.add(i.piiClass()));
        return classes;
    }

    /** A sentence a person can read, e.g. {@code "HIGH: 1 EMAIL_ADDRESS, 1 CREDIT_CARD"}; never the values. */
    public String explanation() {
        if (items.isEmpty()) {
            return level + ": no personal data or secrets found";
        }
        TreeMap<String, Integer> counts = new TreeMap<>();
        items.forEach(i -> counts.merge(i.type(), 1, Integer::sum));
        StringBuilder sb = new StringBuilder(level.name()).append(": ");
        counts.forEach((type, n) -> sb.append(n).append(' ').append(type).append(", "));
        sb.setLength(sb.length() - 2);
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrivacyAssessment p && level == p.level && items.equals(p.items);
    }

    @Override
    public int hashCode() {
        return level.hashCode() * 31 + items.hashCode();
    }

    @Override
    public String toString() {
        return "PrivacyAssessment{" + explanation() + "}";
    }
}
