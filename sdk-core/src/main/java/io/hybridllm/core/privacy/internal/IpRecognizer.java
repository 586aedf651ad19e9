package io.hybridllm.core.privacy.internal;

import io.hybridllm.core.privacy.PiiClass;
import io.hybridllm.core.privacy.PrivacyItem;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IPv4 (octets 0-255, optional CIDR suffix) and IPv6 (parsed and validated, optional prefix). Class OTHER. */
final class IpRecognizer implements Recognizer {
    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern V4 = Pattern.compile("(?<![A-Za-z0-9.])" + OCTET + "(?:\\." + OCTET
            + "){3}(?:/(?:3[0-2]|[12]?\\d)(?!\\d))?(?![A-Za-z0-9]|\\.\\d)");
    private static final Pattern V6 = Pattern.compile("(?<![0-9A-Za-z:.])(?=[0-9A-Fa-f]{0,4}:)[0-9A-Fa-f:.]{2,45}");
    private static final StartTable V6_STARTS = StartTable.of(V6);
    private static final List<String> CONTEXT = List.of("ip", "address", "server", "host");

    @Override
    public void find(ScanText t, List<PrivacyItem> out) {
        String s = t.text;
        if (t.digits >= 4 && s.indexOf('.') >= 0) {
            Matcher m = V4.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
            int n = s.length();
            int p = 0;
            for (int q : t.digitRunStarts()) {
                if (q < p || !dottedOctetAt(s, q)) {
                    continue;
                }
                m.region(q, n);
                if (m.lookingAt()) {
                    out.add(item(t, m.start(), m.end()));
                    p = m.end();
                }
            }
        }
        if (s.indexOf(':') >= 0 && hexColonHex(s)) {
            Matcher m = V6.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
            for (int q = 0; findV6(m, s, q); q = Math.max(m.end(), m.start() + 1)) {
                int end = m.end();
                while (end > m.start()
                        && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ':' && !s.startsWith("::", end - 2))) {
                    end--;
                }
                if (!validV6(s.substring(m.start(), end)) || end < s.length() && Character.isLetter(s.charAt(end))) {
                    continue;
                }
                int spanEnd = end;
                if (end < s.length() && s.charAt(end) == '/') {
                    int p = end + 1;
                    while (p < s.length() && p < end + 4 && Character.isDigit(s.charAt(p))) {
                        p++;
                    }
                    if (p > end + 1
                            && Integer.parseInt(s.substring(end + 1, p)) <= 128
                            && (p == s.length() || !Character.isDigit(s.charAt(p)))) {
                        spanEnd = p;
                    }
                }
                out.add(item(t, m.start(), spanEnd));
            }
        }
    }

    /**
     * Whether an IPv4 match may start at digit {@code p}: every one starts with one to three digits, a dot and a
     * digit.
     */
    private static boolean dottedOctetAt(String s, int p) {
        int n = s.length();
        int i = p;
        while (i < n && i - p < 4 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - p <= 3 && i + 1 < n && s.charAt(i) == '.' && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9';
    }

    /**
     * The next IPv6 candidate from {@code from}, as {@code find()} would report it. A match starts with at most four
     * hex digits and then a colon (its look-ahead), so only such positions get an attempt.
     */
    private static boolean findV6(Matcher m, String s, int from) {
        int n = s.length();
        // A start has a colon at most four chars after it: only positions up to four before a colon are tried.
        int p = from;
        for (int colon = s.indexOf(':', from); colon >= 0; colon = s.indexOf(':', colon + 1)) {
            for (p = Math.max(p, colon - 4); p <= colon; p++) {
                if (mayStartV6(m, s, p, n)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean mayStartV6(Matcher m, String s, int p, int n) {
        {
            if (V6_STARTS != null && !V6_STARTS.mayStart(s, p)) {
                return false;
            }
            int i = p;
            while (i < n && i - p < 5 && Character.digit(s.charAt(i), 16) >= 0 && s.charAt(i) < 128) {
                i++;
            }
            if (i - p > 4 || i >= n || s.charAt(i) != ':') {
                return false;
            }
            m.region(p, n);
            return m.lookingAt();
        }
    }

    /** Whether some {@code ::} or {@code h:h} (h a hex digit) occurs: the least an IPv6 address holds. */
    private static boolean hexColonHex(String s) {
        for (int i = s.indexOf(':'); i >= 0; i = s.indexOf(':', i + 1)) {
            boolean before = i > 0 && (Character.digit(s.charAt(i - 1), 16) >= 0 || s.charAt(i - 1) == ':');
            boolean after = i + 1 < s.length() && (Character.digit(s.charAt(i + 1), 16) >= 0 || s.charAt(i + 1) == ':');
            if (before && after || i + 1 < s.length() && s.charAt(i + 1) == ':') {
                return true;
            }
        }
        return false;
    }

    private static PrivacyItem item(ScanText t, int start, int end) {
        double score = t.hasContext(start, end, CONTEXT) ? 0.95 : 0.8;
        return PrivacyItem.of("IP_ADDRESS", PiiClass.OTHER, start, end, score, "ip-address");
    }

    static boolean validV6(String s) {
        int dc = s.indexOf("::");
        if (dc >= 0 && s.indexOf("::", dc + 1) >= 0) {
            return false;
        }
        if (s.equals("::")) {
            return true;
        }
        String head = dc >= 0 ? s.substring(0, dc) : s;
        String tail = dc >= 0 ? s.substring(dc + 2) : "";
        int groups = 0;
        String[][] parts = {
            head.isEmpty() ? new String[0] : head.split(":", -1), tail.isEmpty() ? new String[0] : tail.split(":", -1)
        };
        for (int side = 0; side < 2; side++) {
            String[] ps = parts[side];
            for (int i = 0; i < ps.length; i++) {
                String g = ps[i];
                boolean last = side == 1 ? i == ps.length - 1 : dc < 0 && i == ps.length - 1;
                if (g.indexOf('.') >= 0) {
                    if (!last || !V4.matcher(g).matches()) {
                        return false;
                    }
                    groups += 2;
                } else {
                    if (g.isEmpty() || g.length() > 4) {
                        return false;
                    }
                    for (int k = 0; k < g.length(); k++) {
                        if (Character.digit(g.charAt(k), 16) < 0) {
                            return false;
                        }
                    }
                    groups++;
                }
            }
        }
        return dc >= 0 ? groups <= 7 : groups == 8;
    }
}
