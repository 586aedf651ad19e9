package io.hybridllm.core.privacy.internal;

import io.hybridllm.core.privacy.PiiClass;
import io.hybridllm.core.privacy.PrivacyItem;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code key = value} and {@code "key": "value"} where the key names a credential (password, secret, token, api
 * key, ...) and the value looks generated. This is where high-entropy strings are reported: only with such a key
 * as context, which keeps false alarms on hashes and ids low.
 */
final class AssignmentRecognizer implements Recognizer {
    private static final Pattern ASSIGNMENT =
            Pattern.compile("(?<![A-Za-z0-9_.-])([A-Za-z_][A-Za-z0-9_.-]{0,59})[\"']?[ \\t]{0,3}"
                    + "(?::{1,3}=|\\?=|=>|[:=]|,)[ \\t]{0,3}[\"'`]?([^\\s\"'`;,)\\]}]{4,300})");
    private static final List<String> PASSWORD_WORDS = List.of("password", "passwd", "pwd", "passphrase", "pass");
    private static final List<String> SECRET_WORDS = List.of(
            "secret",
            "token",
            "apikey",
            "api_key",
            "api-key",
            "accesskey",
            "access_key",
            "access-key",
            "auth",
            "credential",
            "private_key",
            "privatekey",
            "client_secret",
            "signing_key",
            "encryption_key",
            "master_key",
            "session_key");
    private static final List<String> EXCLUDED = List.of(
            "public",
            "name",
            "length",
            "size",
            "file",
            "path",
            "url",
            "uri",
            "type",
            "version",
            "format",
            "count",
            "max",
            "min",
            "enabled",
            "header",
            "field",
            "prefix",
            "timeout",
            "expir",
            "endpoint",
            "method",
            "mode",
            "policy",
            "provider",
            "source",
            "keyword",
            "tokeniz",
            "author",
            "store",
            "label",
            "hint",
            "placeholder",
            "ttl",
            "algorithm",
            "_id",
            "id\"");

    private static final Pattern VENDOR_PREFIX = Pattern.compile(
            "xox[a-z]-|xoxe|gh[pousr]_|gl[a-z]{2,6}-|sk-|hf_|api_org_|AKIA|AIza|npm_|dapi|ntn_|sgp_|glc_|glsa_");

    @Override
    public void find(ScanText t, List<PrivacyItem> out) {
        String s = t.text;
        if (s.indexOf('=') < 0 && s.indexOf(':') < 0 && s.indexOf(',') < 0) {
            return;
        }
        Matcher m = ASSIGNMENT.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
        int n = s.length();
        int done = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c != '=' && c != ':' && c != ',' || i < done) {
                continue;
            }
            // Walk back from the separator to the start of the key; then one anchored match attempt.
            int j = i - 1;
            while (j >= 0 && i - j <= 3 && (s.charAt(j) == ':' || s.charAt(j) == '?')) {
                j--;
            }
            while (j >= 0 && i - j <= 6 && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                j--;
            }
            if (j >= 0 && (s.charAt(j) == '"' || s.charAt(j) == '\'')) {
                j--;
            } else if (c == ',') {
                continue; // a comma separates a key only in quoted form: ("api_key", "...")
            }
            int keyEnd = j + 1;
            while (j >= 0 && keyEnd - j <= 60 && isKeyChar(s.charAt(j))) {
                j--;
            }
            int keyStart = j + 1;
            if (keyStart >= keyEnd) {
                continue;
            }
            m.region(keyStart, Math.min(n, i + 320));
            if (m.lookingAt()) {
                report(m, s, out);
                done = m.end();
            }
        }
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    private void report(Matcher m, String s, List<PrivacyItem> out) {
        {
            String key = m.group(1).toLowerCase(Locale.ROOT);
            boolean password = containsAny(key, PASSWORD_WORDS);
            if (!password && !containsAny(key, SECRET_WORDS) || excluded(key)) {
                return;
            }
            if (key.endsWith("authtoken") && key.startsWith("_") && !npmrc(s, m.start(1))) {
                return;
            }
            String raw = m.group(2);
            String value = SecretRecognizers.trimValue(raw);
            if (VENDOR_PREFIX.matcher(value).lookingAt()) {
                return; // a vendor token shape: its own recognizer decides
            }
            boolean ok = password
                    ? value.length() >= 6
                            && !SecretRecognizers.placeholder(value)
                            && SecretRecognizers.randomLooking(value, 6)
                    : SecretRecognizers.randomLooking(value, 8);
            if (!ok) {
                return;
            }
            int start = m.start(2) + raw.indexOf(value);
            int end = start + value.length();
            String type = password ? "PASSWORD" : "API_KEY";
            out.add(PrivacyItem.of(type, PiiClass.SECRET, start, end, 0.85, "credential-assignment"));
        }
    }

    private static boolean containsAny(String key, List<String> words) {
        for (String w : words) {
            if (key.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean excluded(String key) {
        if (key.endsWith("id") || key.endsWith("ids")) {
            return true;
        }
        for (String w : EXCLUDED) {
            if (key.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** An .npmrc auth line: {@code //host/path/:_authToken=}. */
    private static boolean npmrc(String s, int keyStart) {
        if (keyStart < 4 || s.charAt(keyStart - 1) != ':' || s.charAt(keyStart - 2) != '/') {
            return false;
        }
        int p = keyStart - 2;
        while (p > 0 && !Character.isWhitespace(s.charAt(p - 1))) {
            p--;
        }
        return s.startsWith("//", p) && p + 3 < keyStart - 2 && s.charAt(p + 2) != '/';
    }
}
