package io.hybridllm.core.privacy.internal;

import io.hybridllm.core.privacy.PiiClass;
import io.hybridllm.core.privacy.PrivacyAssessment;
import io.hybridllm.core.privacy.PrivacyItem;
import io.hybridllm.core.privacy.PrivacyScanner;
import io.hybridllm.core.privacy.SensitivityLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small first scanner: e-mail, Luhn-checked card numbers, US SSNs, phone numbers and well-known secret formats.
 * Patterns are linear (no nested quantifiers) so adversarial input cannot make them backtrack.
 */
public final class BasicPrivacyScanner implements PrivacyScanner {
    public static final BasicPrivacyScanner INSTANCE = new BasicPrivacyScanner();

    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}");
    private static final Pattern CARD = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])");
    private static final Pattern SSN = Pattern.compile("(?<!\\d)(\\d{3})-(\\d{2})-(\\d{4})(?!\\d)");
    private static final Pattern PHONE =
            Pattern.compile("(?<![\\w+])\\+?\\(?\\d{1,3}\\)?[ .-]\\(?\\d{2,4}\\)?[ .-]\\d{3,4}[ .-]?\\d{0,4}(?!\\d)");
    private static final Pattern SECRET = Pattern.compile("\\b(?:sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,200}"
            + "|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36,255}|xox[baprs]-[A-Za-z0-9-]{10,200}"
            + "|AIza[0-9A-Za-z_-]{35}|(?:sk|rk)_live_[0-9a-zA-Z]{24,99})");
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----");

    private BasicPrivacyScanner() {}

    @Override
    public PrivacyAssessment scan(String text) {
        List<PrivacyItem> items = new ArrayList<>();
        find(EMAIL, text, "EMAIL_ADDRESS", PiiClass.CONTACT, 0.95, "email-pattern", items);
        Matcher card = CARD.matcher(text);
        while (card.find()) {
            if (Luhn.isValid(card.group())) {
                items.add(
                        PrivacyItem.of("CREDIT_CARD", PiiClass.FINANCIAL, card.start(), card.end(), 0.95, "luhn-card"));
            }
        }
        Matcher ssn = SSN.matcher(text);
        while (ssn.find()) {
            int area = Integer.parseInt(ssn.group(1));
            if (area != 0 && area != 666 && area < 900 && !"00".equals(ssn.group(2)) && !"0000".equals(ssn.group(3))) {
                items.add(PrivacyItem.of("US_SSN", PiiClass.GOV_ID, ssn.start(), ssn.end(), 0.85, "ssn-pattern"));
            }
        }
        find(PHONE, text, "PHONE_NUMBER", PiiClass.CONTACT, 0.6, "phone-pattern", items);
        find(SECRET, text, "API_KEY", PiiClass.SECRET, 0.95, "secret-pattern", items);
        find(PRIVATE_KEY, text, "PRIVATE_KEY", PiiClass.SECRET, 0.99, "secret-pattern", items);
        List<PrivacyItem> kept = removeOverlaps(items);
        return PrivacyAssessment.of(levelOf(kept), kept);
    }

    private static void find(
            Pattern p, String text, String type, PiiClass cls, double conf, String detector, List<PrivacyItem> out) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(PrivacyItem.of(type, cls, m.start(), m.end(), conf, detector));
        }
    }

    /** Keeps the more confident (then longer) of overlapping items. */
    static List<PrivacyItem> removeOverlaps(List<PrivacyItem> items) {
        List<PrivacyItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingDouble((PrivacyItem i) -> -i.confidence())
                .thenComparingInt(i -> -(i.end() - i.start())));
        List<PrivacyItem> kept = new ArrayList<>();
        for (PrivacyItem item : sorted) {
            boolean overlaps = kept.stream().anyMatch(k -> k.start() < item.end() && item.start() < k.end());
            if (!overlaps) {
                kept.add(item);
            }
        }
        kept.sort(Comparator.comparingInt(PrivacyItem::start));
        return kept;
    }

    /** SECRET, FINANCIAL, GOV_ID: CRITICAL; other classes: HIGH when confident, else LOW. */
    static SensitivityLevel levelOf(List<PrivacyItem> items) {
        SensitivityLevel level = SensitivityLevel.NONE;
        for (PrivacyItem item : items) {
            SensitivityLevel l;
            switch (item.piiClass()) {
                case SECRET:
                case FINANCIAL:
                case GOV_ID:
                    l = item.confidence() >= 0.5 ? SensitivityLevel.CRITICAL : SensitivityLevel.HIGH;
                    break;
                case OTHER:
                    l = SensitivityLevel.LOW;
                    break;
                default:
                    l = item.confidence() >= 0.5 ? SensitivityLevel.HIGH : SensitivityLevel.LOW;
            }
            if (l.compareTo(level) > 0) {
                level = l;
            }
        }
        return level;
    }
}
