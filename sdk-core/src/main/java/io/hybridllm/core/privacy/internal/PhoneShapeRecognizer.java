package io.hybridllm.core.privacy.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.hybridllm.core.privacy.PiiClass;
import io.hybridllm.core.privacy.PrivacyItem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers libphonenumber does not accept for the default region: digit groups shaped like a phone number
 * (7-15 digits). Valid in another common region, or next to a phone word, they are reported; a bare strong shape
 * ({@code +}, parentheses, three or more groups) gets a low confidence. Dates and times are skipped.
 */
final class PhoneShapeRecognizer implements Recognizer {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    static final Pattern SHAPE =
            Pattern.compile("(?<![\\w+.:/-])(?:\\+\\d{1,3}[ .-]?)?(?:\\(0?\\d{1,4}\\)[ .-]?|\\(0\\)[ ]?)?"
                    + "\\d{1,11}(?:[ .-]\\d{1,8}){0,5}(?:[ ]?(?:x|ext\\.?)[ ]?\\d{1,5})?(?![\\w]|[.-]\\d)");
    /** Where a {@link #SHAPE} match may start, so that only those positions are tried (as {@code find()} would). */
    static final StartTable SHAPE_STARTS = StartTable.of(SHAPE);

    static final RegexFacts SHAPE_FACTS = RegexFacts.of(SHAPE);
    /** Dotted quads are IPv4 addresses or version numbers, never phone numbers. */
    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){2,3}");

    private static final Pattern DATE_OR_TIME =
            Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}.*|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{1,2}:\\d{2}.*|\\d{4}");
    private static final List<String> CONTEXT = List.of(
            "phone",
            "call",
            "tel",
            "mobile",
            "cell",
            "fax",
            "desk",
            "office",
            "contact",
            "whatsapp",
            "sms",
            "answering",
            "reach me",
            "ring",
            "number",
            "cep",
            "telefon",
            "dial");
    private static final List<String> REGIONS =
            List.of("GB", "DE", "FR", "IT", "ES", "NL", "IN", "AU", "BR", "PH", "TR", "CN", "IL", "JP", "MX", "CA");

    /** Per-scan verdicts on a candidate string: valid for the default region, another region, none, or not yet asked. */
    private static final int DEFAULT_REGION = 0;

    private static final int OTHER_REGION = 1;
    private static final int NOWHERE = 2;
    private static final int UNKNOWN_ELSEWHERE = 3;

    private final String region;

    PhoneShapeRecognizer(String region) {
        this.region = region;
    }

    @Override
    public void find(ScanText t, List<PrivacyItem> out) {
        if (t.digits < 7) {
            return;
        }
        Matcher m = SHAPE.matcher(t.text);
        m.useTransparentBounds(true).useAnchoringBounds(false);
        int[] w = t.digitWindows();
        // Validation is a pure function of the candidate string: a number repeated in one text (a quoted
        // conversation, a log) is validated once per scan.
        Map<String, Integer> verdicts = new HashMap<>();
        for (int k = 0; k < w.length; k += 3) {
            if (w[k + 2] >= 7) {
                scan(t, m, w[k], w[k + 1], out, verdicts);
            }
        }
    }

    private void scan(ScanText t, Matcher m, int from, int to, List<PrivacyItem> out, Map<String, Integer> verdicts) {
        // The matches of find() over [from, to): a match is never empty, so the next search starts at its end.
        for (int q = from; StartTable.find(m, SHAPE_STARTS, SHAPE_FACTS, t, q, to); q = m.end()) {
            String v = m.group();
            int digits = 0;
            int groups = 1;
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (Character.isDigit(c)) {
                    digits++;
                } else if (c == ' ' || c == '-' || c == '.') {
                    groups++;
                }
            }
            if (digits < 7
                    || digits > 15
                    || DATE_OR_TIME.matcher(v).matches()
                    || DOTTED_QUAD.matcher(v).matches()) {
                continue;
            }
            boolean strongShape = v.startsWith("+") || v.indexOf('(') >= 0 || groups >= 3;
            boolean context = t.hasContext(m.start(), m.end(), CONTEXT);
            // A bare run of digits is as likely an account, order or id number as a phone number: without a phone
            // word it stays just above the floor, so any checksum-validated identifier on the same digits wins.
            // Runs like 123456789 are made-up numbers, not issued ones.
            boolean bare = !context && groups == 1 && !v.startsWith("+") && v.indexOf('(') < 0;
            if (bare && Checksums.sequentialRun(v, 9)) {
                continue;
            }
            Integer known = verdicts.get(v);
            int verdict;
            if (known != null) {
                verdict = known;
            } else {
                verdict = validForDefaultRegion(v) ? DEFAULT_REGION : UNKNOWN_ELSEWHERE;
                verdicts.put(v, verdict);
            }
            if (verdict == DEFAULT_REGION) {
                double s = context ? 0.95 : bare ? 0.45 : 0.75;
                out.add(PrivacyItem.of("PHONE_NUMBER", PiiClass.CONTACT, m.start(), m.end(), s, "libphonenumber"));
                continue;
            }
            // Three-three-four grouping is the North American convention: such a number that is not a valid
            // North American one is not taken for a phone elsewhere without a phone word.
            if (!context && nanpGrouping(v)) {
                continue;
            }
            if (verdict == UNKNOWN_ELSEWHERE) {
                verdict = validSomewhere(v) ? OTHER_REGION : NOWHERE;
                verdicts.put(v, verdict);
            }
            boolean valid = verdict == OTHER_REGION;
            double score;
            if (valid) {
                score = context ? 0.9 : strongShape ? 0.47 : 0.42;
            } else if (context) {
                score = 0.75;
            } else if (strongShape) {
                score = 0.45;
            } else {
                continue;
            }
            out.add(PrivacyItem.of("PHONE_NUMBER", PiiClass.CONTACT, m.start(), m.end(), score, "phone-shape"));
        }
    }

    /** Digits grouped 3-3-4 with one kind of separator and nothing else: {@code 917-123-4567}. */
    static boolean nanpGrouping(String v) {
        if (v.length() != 12) {
            return false;
        }
        char sep = v.charAt(3);
        if (sep != '-' && sep != '.' && sep != ' ' || v.charAt(7) != sep) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (i != 3 && i != 7 && !Character.isDigit(v.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean validForDefaultRegion(String v) {
        try {
            return UTIL.isValidNumber(UTIL.parse(v, region));
        } catch (NumberParseException e) {
            return false;
        }
    }

    private boolean validSomewhere(String v) {
        try {
            if (v.startsWith("+")) {
                return UTIL.isValidNumber(UTIL.parse(v, region));
            }
            for (String r : REGIONS) {
                if (UTIL.isValidNumberForRegion(UTIL.parse(v, r), r)) {
                    return true;
                }
            }
        } catch (NumberParseException e) {
            return false;
        }
        return false;
    }
}
