package io.hybridllm.core.privacy.internal;

import static io.hybridllm.core.privacy.internal.IdentifierRecognizers.spec;

import io.hybridllm.core.privacy.PiiClass;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Secrets: provider tokens with a fixed prefix or shape, JWTs, private keys, credentials in URLs and command
 * lines, and keyword assignments ({@code password = ...}) whose value looks random. Placeholders ({@code xxxx},
 * {@code ${VAR}}, {@code <token>}) are not secrets.
 */
final class SecretRecognizers {
    private static final java.util.regex.Pattern DOTTED_NAME =
            java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){1,8}");
    private static final java.util.regex.Pattern VERSION =
            java.util.regex.Pattern.compile("(?i)v?\\d{1,4}(?:\\.\\d{1,4}){1,3}.{0,20}");

    private SecretRecognizers() {}

    private static final String L = "(?<![A-Za-z0-9_.-])";
    private static final String R = "(?![A-Za-z0-9_-])";
    private static final PiiClass S = PiiClass.SECRET;

    static List<Recognizer> all() {
        List<Recognizer> r = new ArrayList<>();
        token(
                r,
                "aws-access-key",
                "AWS_ACCESS_KEY",
                "(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Z0-9])",
                "A");
        token(r, "aws-bedrock-key", "AWS_BEDROCK_KEY", L + "ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/=]{40,400}", "ABSK");
        token(r, "github-token", "GITHUB_TOKEN", L + "gh[pousr]_[A-Za-z0-9]{36,255}" + R, "gh");
        token(r, "github-fine-grained-pat", "GITHUB_TOKEN", L + "github_pat_[A-Za-z0-9_]{82}" + R, "github_pat_");
        token(
                r,
                "gitlab-token",
                "GITLAB_TOKEN",
                L + "gl(?:pat|dt|soat|cbt|rt|ft|ffct|oas|imt|agent|ptt)-[A-Za-z0-9_-]{20,80}(?![A-Za-z0-9_-])",
                "gl");
        token(
                r,
                "gitlab-runner-token",
                "GITLAB_TOKEN",
                L + "GR1348941[A-Za-z0-9_-]{20,50}(?![A-Za-z0-9_-])",
                "GR1348941");
        token(
                r,
                "slack-token",
                "SLACK_TOKEN",
                L + "xox[abposre]-\\d{6,14}(?:-\\d{6,14}){0,3}-[A-Za-z0-9]{10,64}" + R,
                "xox");
        token(r, "slack-config-token", "SLACK_TOKEN", L + "xoxe(?:\\.xox[bp])?-\\d-[A-Za-z0-9]{100,200}" + R, "xoxe");
        token(
                r,
                "slack-app-token",
                "SLACK_TOKEN",
                L + "xapp-\\d-[A-Za-z0-9]{8,15}-\\d{8,15}-[a-f0-9]{32,80}" + R,
                "xapp-");
        token(
                r,
                "slack-webhook",
                "SLACK_WEBHOOK",
                "hooks\\.slack\\.com/(?:services|workflows)/[A-Za-z0-9_/+-]{30,120}",
                "hooks.slack.com");
        token(r, "stripe-key", "STRIPE_KEY", L + "(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{20,247}" + R, "k_");
        token(r, "openai-key", "OPENAI_API_KEY", L + "sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,250}" + R, "sk-");
        token(
                r,
                "anthropic-key",
                "ANTHROPIC_API_KEY",
                L + "sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{93}AA" + R,
                "sk-ant-");
        token(r, "huggingface-token", "HUGGINGFACE_TOKEN", L + "(?:hf_|api_org_)[A-Za-z]{34}" + R, "_");
        token(r, "google-api-key", "GOOGLE_API_KEY", L + "AIza[0-9A-Za-z_-]{35}" + R, "AIza");
        token(r, "npm-token", "NPM_TOKEN", L + "npm_[A-Za-z0-9]{36}" + R, "npm_");
        token(r, "pypi-token", "PYPI_TOKEN", L + "pypi-AgE[A-Za-z0-9_-]{50,1000}", "pypi-");
        token(r, "sendgrid-key", "SENDGRID_KEY", L + "SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}" + R, "SG.");
        token(r, "telegram-bot-token", "TELEGRAM_TOKEN", "(?<![A-Za-z0-9])\\d{8,10}:AA[A-Za-z0-9_-]{33}" + R, ":AA");
        token(r, "twilio-key", "TWILIO_KEY", L + "SK[0-9a-f]{32}" + R, "SK");
        token(r, "twilio-account", "TWILIO_KEY", L + "AC[0-9a-f]{32}" + R, "AC");
        token(
                r,
                "discord-token",
                "DISCORD_TOKEN",
                "[MNO][A-Za-z\\d_-]{23,25}\\.[A-Za-z\\d_-]{6}\\.[A-Za-z\\d_-]{27,38}" + R,
                ".");
        token(r, "square-token", "SQUARE_TOKEN", L + "sq0(?:atp|csp)-[A-Za-z0-9_-]{22,43}" + R, "sq0");
        token(r, "meta-token", "META_ACCESS_TOKEN", L + "EAA[A-Za-z0-9_-]{40,400}" + R, "EAA");
        token(r, "facebook-app-token", "META_ACCESS_TOKEN", "(?<![0-9])\\d{15,16}\\|[A-Za-z0-9_-]{27}" + R, "|");
        token(r, "flyio-token", "FLYIO_TOKEN", L + "fo1_[A-Za-z0-9_-]{43}", "fo1_");
        token(r, "flyio-macaroon", "FLYIO_TOKEN", L + "fm[12][ar]?_[A-Za-z0-9+/=_-]{100,4000}", "fm");
        token(
                r,
                "sentry-token",
                "SENTRY_TOKEN",
                L + "(?:sntrys_eyJ[A-Za-z0-9+/=_-]{50,500}|sntryu_[a-f0-9]{64})",
                "sntry");
        token(
                r,
                "grafana-token",
                "GRAFANA_TOKEN",
                L + "(?:glc_eyJ[A-Za-z0-9+/=_-]{32,400}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})" + R,
                "gl");
        token(
                r,
                "terraform-token",
                "TERRAFORM_TOKEN",
                L + "[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}" + R,
                ".atlasv1.");
        token(r, "vault-token", "VAULT_TOKEN", L + "(?:hvs\\.[A-Za-z0-9_-]{90,120}|s\\.[A-Za-z0-9]{24})" + R, ".");
        token(r, "heroku-key", "HEROKU_KEY", L + "HRKU-AA[A-Za-z0-9_-]{58}", "HRKU-");
        token(r, "infracost-token", "INFRACOST_TOKEN", L + "ico-[A-Za-z0-9]{32}" + R, "ico-");
        token(r, "intra42-secret", "INTRA42_SECRET", L + "s-s4t2(?:ud|af)-[a-f0-9]{64}" + R, "s-s4t2");
        token(r, "notion-token", "NOTION_TOKEN", L + "ntn_[A-Za-z0-9]{46}" + R, "ntn_");
        token(r, "openshift-token", "OPENSHIFT_TOKEN", L + "sha256~[A-Za-z0-9_-]{43}" + R, "sha256~");
        token(r, "scalingo-token", "SCALINGO_TOKEN", L + "tk-us-[A-Za-z0-9_-]{48}" + R, "tk-us-");
        token(
                r,
                "sourcegraph-token",
                "SOURCEGRAPH_TOKEN",
                L + "sgp_(?:local|[a-fA-F0-9]{16})_[a-fA-F0-9]{40}" + R,
                "sgp_");
        token(r, "onepassword-token", "ONEPASSWORD_TOKEN", L + "ops_eyJ[A-Za-z0-9+/=]{250,4000}", "ops_");
        token(
                r,
                "onepassword-secret-key",
                "ONEPASSWORD_SECRET_KEY",
                L + "A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}" + R,
                "A3-");
        token(
                r,
                "azure-ad-client-secret",
                "AZURE_CLIENT_SECRET",
                "(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])",
                "Q~");
        token(r, "mailchimp-key", "MAILCHIMP_KEY", L + "[0-9a-f]{32}-us\\d{1,2}" + R, "-us");
        token(r, "databricks-token", "DATABRICKS_TOKEN", L + "dapi[a-f0-9]{32}(?:-\\d)?" + R, "dapi");
        token(r, "artifactory-key", "ARTIFACTORY_KEY", L + "AKCp[A-Za-z0-9]{69}" + R, "AKCp");
        token(r, "artifactory-reference-token", "ARTIFACTORY_KEY", L + "cmVmdGtu[A-Za-z0-9]{56}" + R, "cmVmdGtu");
        token(
                r,
                "sidekiq-secret",
                "SIDEKIQ_SECRET",
                "BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM[ \\t]{0,3}=[ \\t]{0,3}\"?[a-f0-9]{8}:[a-f0-9]{8}",
                "CONTRIBSYS");
        token(
                r,
                "gcp-service-account",
                "GCP_SERVICE_ACCOUNT",
                "\"type\"[ \\t]{0,3}:[ \\t]{0,3}\"service_account\"",
                "service_account");
        r.add(spec(
                        "jwt",
                        "JWT",
                        S,
                        L + "eyJ[A-Za-z0-9_-]{10,4000}\\.eyJ[A-Za-z0-9_-]{2,8000}(?:\\.[A-Za-z0-9_-]{0,2000})?")
                .valid(SecretRecognizers::jwt)
                .score(0.95, 1.0)
                .hint("eyJ")
                .span(16_000)
                .build());
        r.add(spec(
                        "private-key-block",
                        "PRIVATE_KEY",
                        S,
                        "-----BEGIN ([A-Z0-9 ]{0,40})PRIVATE KEY(?: BLOCK)?-----[A-Za-z0-9+/=\\s:,.()-]{40,20000}?-----END \\1PRIVATE KEY(?: BLOCK)?-----")
                .score(0.99, 1.0)
                .hint("PRIVATE KEY")
                .span(20_200)
                .build());
        r.add(spec(
                        "private-key-header",
                        "PRIVATE_KEY",
                        S,
                        "-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----(?=[\\s\\S]{0,200}?[A-Za-z0-9+/]{40})")
                .score(0.95, 1.0)
                .hint("PRIVATE KEY")
                .build());
        r.add(spec(
                        "url-credentials",
                        "URL_CREDENTIALS",
                        S,
                        "(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}://([^\\s:/@'\"`<>]{0,64}:[^\\s@/'\"`<>]{1,128})@[A-Za-z0-9.-]{1,253}")
                .group(1)
                .valid(v -> !placeholder(v.substring(v.indexOf(':') + 1)) && !v.endsWith(":"))
                .score(0.99, 1.0)
                .hint("://")
                .build());
        r.add(spec("curl-user", "CURL_CREDENTIALS", S, "(?<![A-Za-z0-9-])(?:-u|--user)[ =]{1,3}([^\\s]{1,200})")
                .group(1)
                .valid(SecretRecognizers::curlUser)
                .score(0.85, 1.0)
                .ctx("curl")
                .hint("-u")
                .span(300)
                .build());
        r.add(spec(
                        "auth-header",
                        "AUTH_HEADER",
                        S,
                        "(?i)(?:authorization|api-token|x-api-key|api-key|apikey|x-[a-z-]{1,30}-api-?key|x-jfrog-art-api|private-token)[\"']?[ \\t]{0,2}:[ \\t]{0,3}(?:(?:bearer|basic|token)[ \\t]{1,3})?([^\\s\"'\\\\]{8,2000})")
                .group(1)
                .valid(v -> randomLooking(v, 8))
                .score(0.85, 1.0)
                .hint(":")
                .anyOf("auth", "api", "token", "key")
                .build());
        r.add(spec(
                        "keyword-context-token",
                        "API_KEY",
                        S,
                        "(?i)(?<![a-z])(?:snyk|sonar|sourcegraph|okta)[a-z_.]{0,24}[\"']?[ \\t]{0,3}(?::{1,3}=|\\?=|[:=])[ \\t]{0,3}[\"']?((?:sq[upa]_)?[A-Za-z0-9-]{14,64})"
                                + R)
                .group(1)
                .valid(v -> randomLooking(v, 14) && Character.isLetterOrDigit(v.charAt(0)))
                .score(0.8, 1.0)
                .anyOf("snyk", "sonar", "sourcegraph", "okta")
                .build());
        r.add(spec(
                        "sumologic-access-id",
                        "API_KEY",
                        S,
                        "(?i:sumo[a-z_.]{0,12}access_?id)[\"']?[ \\t]{0,3}[:=][ \\t]{0,3}[\"']?(su[A-Za-z0-9]{12})" + R)
                .group(1)
                .valid(SecretRecognizers::mixed)
                .score(0.85, 1.0)
                .anyOf("sumo")
                .build());
        r.add(new AssignmentRecognizer());
        return r;
    }

    private static void token(List<Recognizer> r, String name, String type, String regex, String hint) {
        r.add(spec(name, type, S, regex)
                .valid(v -> !(name.equals("aws-access-key") ? xFilled(v) : placeholder(v)) && specific(name, v))
                .score(0.95, 1.0)
                .hint(hint)
                .build());
    }

    /** Extra shape rules some providers need. */
    private static boolean specific(String name, String v) {
        switch (name) {
            case "openai-key":
                return !v.startsWith("sk-ant-") && (v.contains("T3BlbkFJ") || v.length() >= 40) && mixed(v);
            case "gitlab-token":
            case "gitlab-runner-token":
                return gitlab(v);
            case "vault-token":
            case "notion-token":
                return mixed(v);
            case "huggingface-token":
            case "aws-access-key":
                return true;
            default:
                return true;
        }
    }

    private static boolean gitlab(String v) {
        int dash = v.indexOf('-');
        if (v.startsWith("GR1348941")) {
            return v.length() - 9 <= 50 && v.substring(9).chars().anyMatch(Character::isLetter);
        }
        String prefix = v.substring(0, dash);
        int body = v.length() - dash - 1;
        switch (prefix) {
            case "glimt":
                return body == 25;
            case "gloas":
                return body == 64;
            case "glptt":
                return body == 40;
            case "glagent":
                return body >= 50;
            default:
                return body <= 50;
        }
    }

    /**
     * For key ids whose four-letter prefix already names the provider (AWS {@code AKIA...}): only an x-filled body
     * marks a placeholder; a repeated letter is still a well-formed id.
     */
    private static boolean xFilled(String v) {
        return v.toLowerCase(Locale.ROOT).contains("xxxx");
    }

    /** Upper, lower and digit all present. */
    static boolean mixed(String v) {
        boolean u = false;
        boolean l = false;
        boolean d = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            u |= c >= 'A' && c <= 'Z';
            l |= c >= 'a' && c <= 'z';
            d |= c >= '0' && c <= '9';
        }
        return u && l && d;
    }

    /** Obvious fill-ins: runs of x/X/*, template variables, angle-bracket hints, "your_..._here". */
    static boolean placeholder(String v) {
        String low = v.toLowerCase(Locale.ROOT);
        if (low.contains("xxxxx")
                || low.contains("*****")
                || low.contains("#####")
                || low.contains("${")
                || low.contains("{{")
                || low.contains("$(")
                || low.contains("%s")
                || low.contains("your_")
                || low.contains("_here")
                || low.contains("<")
                || low.contains("redacted")
                || low.contains("....")
                || low.contains("changeme")) {
            return true;
        }
        int distinct = (int) v.chars().distinct().count();
        return v.length() >= 8 && distinct <= 3;
    }

    /** Shannon entropy in bits per character. */
    static double entropy(String v) {
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double h = 0;
        double n = v.length();
        for (int c : counts) {
            if (c > 0) {
                h -= c / n * (Math.log(c / n) / Math.log(2));
            }
        }
        if (other > 0) {
            h -= other / n * (Math.log(other / n) / Math.log(2));
        }
        return h;
    }

    /** A value that looks generated: long enough, not a placeholder, not words, paths, hosts or code. */
    static boolean randomLooking(String raw, int minLength) {
        String v = trimValue(raw);
        if (v.length() < minLength || placeholder(v)) {
            return false;
        }
        char c0 = v.charAt(0);
        if (c0 == '$' || c0 == '%' || c0 == '{' || c0 == '[' || c0 == '(' || c0 == '/' || c0 == '.' || c0 == '@') {
            return false;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '-' && c != '_' && c != '.') {
                symbol = true;
            }
        }
        int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
        if (classes < 2 || !digit && !symbol && v.length() < 20) {
            return false; // words and constant names
        }
        if (DOTTED_NAME.matcher(v).matches() && !digitHeavy(v)) {
            return false; // host names, code references (Foo.bar)
        }
        if (v.contains("SNAPSHOT") || VERSION.matcher(v).matches()) {
            return false; // versions
        }
        return entropy(v) >= (v.length() >= 20 ? 3.0 : 2.5);
    }

    private static boolean digitHeavy(String v) {
        int d = 0;
        for (int i = 0; i < v.length(); i++) {
            if (Character.isDigit(v.charAt(i))) {
                d++;
            }
        }
        return d * 3 > v.length() && v.length() >= 20;
    }

    static String trimValue(String v) {
        int s = 0;
        int e = v.length();
        while (s < e && "\"'`".indexOf(v.charAt(s)) >= 0) {
            s++;
        }
        while (e > s && "\"'`,;)".indexOf(v.charAt(e - 1)) >= 0) {
            e--;
        }
        return v.substring(s, e);
    }

    private static boolean curlUser(String raw) {
        String v = raw.replace("\"", "").replace("'", "").replace("{", "").replace("}", "");
        int colon = v.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String user = v.substring(0, colon);
        String pass = v.substring(colon + 1);
        if (v.contains("${") || v.contains("$(") || user.startsWith("$") || pass.startsWith("$") || v.contains("{{")) {
            return false;
        }
        String secret = pass.isEmpty() ? user : pass;
        List<String> fake =
                List.of("pass", "password", "token", "secret", "yyy", "xxx", "user", "username", "apikey", "api_key");
        if (fake.contains(secret.toLowerCase(Locale.ROOT)) || secret.length() < 6) {
            return false;
        }
        return mixedEnough(secret);
    }

    private static boolean mixedEnough(String s) {
        boolean letter = false;
        boolean other = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
            } else {
                other = true;
            }
        }
        return letter && other;
    }

    /** Header and payload must decode to JSON objects. */
    static boolean jwt(String v) {
        String[] parts = v.split("\\.", -1);
        if (parts.length < 2) {
            return false;
        }
        if (!jsonObject(parts[0]) || !jsonObject(parts[1])) {
            return false;
        }
        String header = decode(parts[0]);
        return header.endsWith("}")
                && (header.contains("\"alg\"") || header.contains("\"typ\"") || header.contains("\"kid\""));
    }

    private static String decode(String b64) {
        try {
            String pad = b64.length() % 4 == 0 ? b64 : b64 + "====".substring(b64.length() % 4);
            return new String(Base64.getUrlDecoder().decode(pad), java.nio.charset.StandardCharsets.ISO_8859_1).trim();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static boolean jsonObject(String b64) {
        try {
            String pad = b64.length() % 4 == 0 ? b64 : b64 + "====".substring(b64.length() % 4);
            byte[] raw = Base64.getUrlDecoder().decode(pad);
            String s = new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1).trim();
            return s.startsWith("{") && s.indexOf('"') > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
