package io.hybridllm.core.privacy.internal;

import io.hybridllm.core.privacy.EntityTagger;
import io.hybridllm.core.privacy.PatternRecognizer;
import io.hybridllm.core.privacy.PiiClass;
import io.hybridllm.core.privacy.PrivacyScanner;
import io.hybridllm.core.privacy.SensitivityRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Assembles a {@link DefaultPrivacyScanner} from the built-in recognizers and the user's additions. */
public final class ScannerFactory {
    private ScannerFactory() {}

    /** The shared default scanner (region US, default rule, confidence floor 0.4). */
    public static final PrivacyScanner DEFAULT =
            create("US", SensitivityRule.defaults(), 0.4, List.of(), Map.of(), Set.of(), Set.of(), null, true);

    /** A deny-list entry: terms reported as {@code type}/{@code cls}. */
    public record DenyList(String type, PiiClass cls, Collection<String> terms) {}

    public static PrivacyScanner create(
            String region,
            SensitivityRule rule,
            double minConfidence,
            List<PatternRecognizer> custom,
            Map<String, DenyList> denyLists,
            Set<String> disabledTypes,
            Set<String> allowValues,
            EntityTagger tagger,
            boolean namesAndPlaces) {
        List<Recognizer> r = new ArrayList<>();
        r.add(IdentifierRecognizers.spec(
                        "email",
                        "EMAIL_ADDRESS",
                        PiiClass.CONTACT,
                        "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}(?![A-Za-z0-9-])")
                .score(0.95, 1.0)
                .hint("@")
                .build());
        r.add(new PhoneShapeRecognizer(region));
        r.addAll(IdentifierRecognizers.all());
        r.addAll(SecretRecognizers.all());
        if (namesAndPlaces) {
            r.add(new NameRecognizer());
            r.add(new AddressRecognizer());
        }
        for (PatternRecognizer p : custom) {
            r.add(new PatternRunner(p, 0));
        }
        for (DenyList d : denyLists.values()) {
            r.add(new DenyListRecognizer(d.type(), d.cls(), d.terms()));
        }
        return new DefaultPrivacyScanner(r, rule, minConfidence, disabledTypes, allowValues, tagger);
    }
}
