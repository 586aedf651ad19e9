package io.hybridllm.core.privacy;

import io.hybridllm.core.privacy.internal.ScannerFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Factories for the built-in privacy scanners. */
public final class PrivacyScanners {
    private PrivacyScanners() {}

    /**
     * The default scanner: validated identifiers (cards, IBANs, national ids), contact data (e-mail, phone numbers
     * for region US and any number written with +), secrets, names and places, with {@link SensitivityRule#defaults()}
     * and a confidence floor of 0.4. Thread-safe; share it.
     */
    public static PrivacyScanner defaults() {
        return ScannerFactory.DEFAULT;
    }

    /** A scanner that finds nothing, for tests or when data is known to be clean. */
    public static PrivacyScanner none() {
        return text -> PrivacyAssessment.none();
    }

    /** Starts a scanner with the built-in recognizers, to add recognizers and deny-lists or change settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a scanner from the built-in recognizers plus the user's own. */
    public static final class Builder {
        private String region = "US";
        private SensitivityRule rule = SensitivityRule.defaults();
        private double minConfidence = 0.4;
        private final List<PatternRecognizer> recognizers = new ArrayList<>();
        private final Map<String, ScannerFactory.DenyList> denyLists = new LinkedHashMap<>();
        private final Set<String> disabledTypes = new HashSet<>();
        private final Set<String> allowValues = new HashSet<>();
        private EntityTagger tagger;
        private boolean namesAndPlaces = true;

        private Builder() {}

        /** The region (ISO 3166 alpha-2, e.g. {@code "DE"}) for phone numbers written without +; default US. */
        public Builder defaultRegion(String region) {
            String r = Objects.requireNonNull(region, "region == null").toUpperCase(Locale.ROOT);
            if (r.length() != 2) {
                throw new IllegalArgumentException("region must be an ISO 3166 alpha-2 code: " + region);
            }
            this.region = r;
            return this;
        }

        /** Adds a recognizer of the user's own. */
        public Builder addRecognizer(PatternRecognizer recognizer) {
            recognizers.add(Objects.requireNonNull(recognizer, "recognizer == null"));
            return this;
        }

        /** Reports every whole-word, case-insensitive occurrence of {@code terms} as {@code type}/{@code piiClass}. */
        public Builder denyList(String type, PiiClass piiClass, Collection<String> terms) {
            Objects.requireNonNull(type, "type == null");
            Objects.requireNonNull(piiClass, "piiClass == null");
            denyLists.put(type + "/" + piiClass, new ScannerFactory.DenyList(type, piiClass, List.copyOf(terms)));
            return this;
        }

        /** Values never reported (exact match of the item's text), e.g. the company's public support address. */
        public Builder allowList(Collection<String> values) {
            allowValues.addAll(values);
            return this;
        }

        /** Stops reporting a built-in type, e.g. {@code "URL"}. */
        public Builder disableType(String type) {
            disabledTypes.add(Objects.requireNonNull(type, "type == null"));
            return this;
        }

        /** Items below this confidence are dropped; default 0.4. */
        public Builder minConfidence(double minConfidence) {
            if (!(minConfidence >= 0 && minConfidence <= 1)) {
                throw new IllegalArgumentException("minConfidence must be in [0, 1]: " + minConfidence);
            }
            this.minConfidence = minConfidence;
            return this;
        }

        /** How items become a level; default {@link SensitivityRule#defaults()}. */
        public Builder sensitivityRule(SensitivityRule rule) {
            this.rule = Objects.requireNonNull(rule, "rule == null");
            return this;
        }

        /** Adds a statistical entity model (e.g. an ONNX NER model); its items are merged with the built-in ones. */
        public Builder entityTagger(EntityTagger tagger) {
            this.tagger = Objects.requireNonNull(tagger, "tagger == null");
            return this;
        }

        /** Turns the name and place heuristics off (e.g. when an {@link EntityTagger} does that job). */
        public Builder namesAndPlaces(boolean enabled) {
            this.namesAndPlaces = enabled;
            return this;
        }

        public PrivacyScanner build() {
            return ScannerFactory.create(
                    region,
                    rule,
                    minConfidence,
                    recognizers,
                    denyLists,
                    disabledTypes,
                    allowValues,
                    tagger,
                    namesAndPlaces);
        }
    }
}
