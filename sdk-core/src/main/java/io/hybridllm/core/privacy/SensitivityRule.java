package io.hybridllm.core.privacy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Derives a request's {@link SensitivityLevel} from its detected items.
 *
 * <p>The default ({@link #defaults()}): each item gets the level of its class when its confidence is at least 0.5,
 * one level lower (but at least {@link SensitivityLevel#LOW}) when below; the request gets the highest item level,
 * or {@link SensitivityLevel#NONE} without items. Class levels: {@code SECRET}, {@code FINANCIAL}, {@code GOV_ID}:
 * CRITICAL; {@code PERSON}, {@code LOCATION}, {@code CONTACT}, {@code HEALTH}: HIGH; {@code OTHER}: LOW.
 */
@FunctionalInterface
public interface SensitivityRule {
    SensitivityLevel levelOf(List<PrivacyItem> items);

    /** The documented default rule. */
    static SensitivityRule defaults() {
        Map<PiiClass, SensitivityLevel> levels = new EnumMap<>(PiiClass.class);
        levels.put(PiiClass.SECRET, SensitivityLevel.CRITICAL);
        levels.put(PiiClass.FINANCIAL, SensitivityLevel.CRITICAL);
        levels.put(PiiClass.GOV_ID, SensitivityLevel.CRITICAL);
        levels.put(PiiClass.PERSON, SensitivityLevel.HIGH);
        levels.put(PiiClass.LOCATION, SensitivityLevel.HIGH);
        levels.put(PiiClass.CONTACT, SensitivityLevel.HIGH);
        levels.put(PiiClass.HEALTH, SensitivityLevel.HIGH);
        levels.put(PiiClass.OTHER, SensitivityLevel.LOW);
        return byClass(levels, 0.5);
    }

    /**
     * Each item gets {@code levelByClass} of its class (missing classes: LOW) if its confidence is at least
     * {@code confidentFrom}, else one level lower but at least LOW; the request gets the highest.
     */
    static SensitivityRule byClass(Map<PiiClass, SensitivityLevel> levelByClass, double confidentFrom) {
        Map<PiiClass, SensitivityLevel> levels = new EnumMap<>(PiiClass.class);
        levels.putAll(Objects.requireNonNull(levelByClass, "levelByClass == null"));
        return items -> {
            SensitivityLevel level = SensitivityLevel.NONE;
            for (PrivacyItem item : items) {
                SensitivityLevel l = levels.getOrDefault(item.piiClass(), SensitivityLevel.LOW);
                if (item.confidence() < confidentFrom && l.compareTo(SensitivityLevel.LOW) > 0) {
                    l = SensitivityLevel.values()[l.ordinal() - 1];
                }
                if (l.compareTo(level) > 0) {
                    level = l;
                }
            }
            return level;
        };
    }
}
