package io.hybridllm.core.privacy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Derives a request's {@link SensitivityLevel} from its detected items.
 *
 * <p>The default ({@link #defaults()}, the same as {@link #strict()}): every name, place, contact detail and health
 * detail is HIGH, so it stays on the device unless the privacy rule allows redaction. {@link #linkedNamesOnly()}
 * relaxes that for applications whose prompts often mention people and places in passing.
 */
@FunctionalInterface
public interface SensitivityRule {
    SensitivityLevel levelOf(List<PrivacyItem> items);

    /** The documented default rule: {@link #strict()}. */
    static SensitivityRule defaults() {
        return strict();
    }

    /**
     * {@link #strict()}, except that a bare name or place name on its own ({@code "Summarize Hamlet"}, {@code "the
     * history of Rome"}) is LOW; it is HIGH only when linked to personal data of another class, such as a person
     * with a place, an e-mail address or a health detail. Street addresses, dates of birth and all other types keep
     * their class level. Opt-in: names and places alone then leave the device unredacted.
     */
    static SensitivityRule linkedNamesOnly() {
        SensitivityRule strict = strict();
        return items -> {
            SensitivityLevel level = SensitivityLevel.NONE;
            for (PrivacyItem item : items) {
                SensitivityLevel l = strict.levelOf(List.of(item));
                if (isBareNameOrPlace(item) && !linkedToOtherPersonalData(item, items)) {
                    l = SensitivityLevel.LOW;
                }
                if (l.compareTo(level) > 0) {
                    level = l;
                }
            }
            return level;
        };
    }

    /**
     * Each item gets the level of its class when its confidence is at least 0.5, one level lower (but at least
     * LOW) when below; the request gets the highest. {@code SECRET}, {@code FINANCIAL}, {@code GOV_ID}: CRITICAL;
     * {@code PERSON}, {@code LOCATION}, {@code CONTACT}, {@code HEALTH}: HIGH; {@code OTHER}: LOW.
     */
    static SensitivityRule strict() {
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

    private static boolean isBareNameOrPlace(PrivacyItem item) {
        return (item.piiClass() == PiiClass.PERSON && item.type().equals("PERSON"))
                || (item.piiClass() == PiiClass.LOCATION && item.type().equals("LOCATION"));
    }

    private static boolean linkedToOtherPersonalData(PrivacyItem item, List<PrivacyItem> items) {
        for (PrivacyItem other : items) {
            if (other.piiClass() != item.piiClass() && other.piiClass() != PiiClass.OTHER) {
                return true;
            }
        }
        return false;
    }
}
