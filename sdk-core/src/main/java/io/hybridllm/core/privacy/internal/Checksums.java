package io.hybridllm.core.privacy.internal;

import java.util.Map;

/**
 * Check-digit algorithms of identifiers. Every method takes the matched text, ignores the separators the
 * recognizer allowed, and returns false rather than throwing on anything unexpected.
 */
public final class Checksums {
    private static final java.util.regex.Pattern SPACE_OR_DASH = java.util.regex.Pattern.compile("[ -]");

    private Checksums() {}

    /** Only the ASCII letters and digits of {@code s}, letters upper-cased. */
    public static String compact(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
                b.append(c);
            } else if (c >= 'a' && c <= 'z') {
                b.append((char) (c - 32));
            }
        }
        return b.toString();
    }

    static int[] digits(String s) {
        int[] d = new int[s.length()];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            d[i] = c - '0';
        }
        return d;
    }

    static boolean allSame(String s) {
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) != s.charAt(0)) {
                return false;
            }
        }
        return true;
    }

    /** Weighted sum of the first {@code weights.length} digits. */
    static int weighted(int[] d, int... weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += d[i] * weights[i];
        }
        return sum;
    }

    /** Credit card: Luhn, 12..19 digits, a known issuer prefix, not all one digit. */
    public static boolean creditCard(String match) {
        String s = compact(match);
        if (s.length() < 12 || s.length() > 19 || digits(s) == null || allSame(s) || !cardGroups(match)) {
            return false;
        }
        return Luhn.isValid(s) && knownIssuer(s);
    }

    /** Separated card numbers come in groups of four (last shorter), or 4-6-5 / 4-6-4. */
    static boolean cardGroups(String match) {
        String[] groups = SPACE_OR_DASH.split(match);
        if (groups.length == 1) {
            return true;
        }
        if (groups.length == 3
                && groups[0].length() == 4
                && groups[1].length() == 6
                && groups[2].length() >= 4
                && groups[2].length() <= 5) {
            return true;
        }
        for (int i = 0; i < groups.length - 1; i++) {
            if (groups[i].length() != 4) {
                return false;
            }
        }
        return groups[groups.length - 1].length() >= 1 && groups[groups.length - 1].length() <= 4;
    }

    static boolean knownIssuer(String s) {
        char c = s.charAt(0);
        // 1 UATP, 2 Mastercard/Mir, 3 Amex/Diners/JCB, 4 Visa, 5 Mastercard/Maestro, 6 Discover/UnionPay/Maestro.
        // UATP numbers have 15 digits; only Maestro (5, 6) issues numbers as short as 12.
        if (c == '1') {
            return s.length() == 15;
        }
        if (s.length() == 12) {
            return c == '5' || c == '6';
        }
        return c >= '2' && c <= '6';
    }

    /** US SSN: area not 000, 666 or 9xx; group not 00; serial not 0000; not a known advertising number. */
    public static boolean usSsn(String match) {
        String s = compact(match);
        if (s.length() != 9 || digits(s) == null || allSame(s)) {
            return false;
        }
        int area = Integer.parseInt(s.substring(0, 3));
        int group = Integer.parseInt(s.substring(3, 5));
        int serial = Integer.parseInt(s.substring(5));
        if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
            return false;
        }
        return !s.equals("123456789") && !s.equals("078051120") && !s.equals("219099999");
    }

    /** US ITIN: 9xx-[50-65|70-88|90-92|94-99]-xxxx. */
    public static boolean usItin(String match) {
        String s = compact(match);
        if (s.length() != 9 || digits(s) == null || s.charAt(0) != '9') {
            return false;
        }
        int g = Integer.parseInt(s.substring(3, 5));
        return g >= 50 && g <= 65 || g >= 70 && g <= 88 || g >= 90 && g <= 92 || g >= 94;
    }

    /** ABA routing number: weights 3,7,1. */
    public static boolean abaRouting(String match) {
        String s = compact(match);
        int[] d = digits(s);
        if (d == null || s.length() != 9 || allSame(s)) {
            return false;
        }
        int sum = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8]);
        int prefix = d[0] * 10 + d[1];
        return sum % 10 == 0
                && (prefix <= 12 || prefix >= 21 && prefix <= 32 || prefix >= 61 && prefix <= 72 || prefix == 80);
    }

    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24),
            Map.entry("AE", 23),
            Map.entry("AL", 28),
            Map.entry("AT", 20),
            Map.entry("AZ", 28),
            Map.entry("BA", 20),
            Map.entry("BE", 16),
            Map.entry("BG", 22),
            Map.entry("BH", 22),
            Map.entry("BI", 27),
            Map.entry("BR", 29),
            Map.entry("BY", 28),
            Map.entry("CH", 21),
            Map.entry("CR", 22),
            Map.entry("CY", 28),
            Map.entry("CZ", 24),
            Map.entry("DE", 22),
            Map.entry("DJ", 27),
            Map.entry("DK", 18),
            Map.entry("DO", 28),
            Map.entry("EE", 20),
            Map.entry("EG", 29),
            Map.entry("ES", 24),
            Map.entry("FI", 18),
            Map.entry("FK", 18),
            Map.entry("FO", 18),
            Map.entry("FR", 27),
            Map.entry("GB", 22),
            Map.entry("GE", 22),
            Map.entry("GI", 23),
            Map.entry("GL", 18),
            Map.entry("GR", 27),
            Map.entry("GT", 28),
            Map.entry("HN", 28),
            Map.entry("HR", 21),
            Map.entry("HU", 28),
            Map.entry("IE", 22),
            Map.entry("IL", 23),
            Map.entry("IQ", 23),
            Map.entry("IS", 26),
            Map.entry("IT", 27),
            Map.entry("JO", 30),
            Map.entry("KW", 30),
            Map.entry("KZ", 20),
            Map.entry("LB", 28),
            Map.entry("LC", 32),
            Map.entry("LI", 21),
            Map.entry("LT", 20),
            Map.entry("LU", 20),
            Map.entry("LV", 21),
            Map.entry("LY", 25),
            Map.entry("MC", 27),
            Map.entry("MD", 24),
            Map.entry("ME", 22),
            Map.entry("MK", 19),
            Map.entry("MN", 20),
            Map.entry("MR", 27),
            Map.entry("MT", 31),
            Map.entry("MU", 30),
            Map.entry("NI", 28),
            Map.entry("NL", 18),
            Map.entry("NO", 15),
            Map.entry("OM", 23),
            Map.entry("PK", 24),
            Map.entry("PL", 28),
            Map.entry("PS", 29),
            Map.entry("PT", 25),
            Map.entry("QA", 29),
            Map.entry("RO", 24),
            Map.entry("RS", 22),
            Map.entry("RU", 33),
            Map.entry("SA", 24),
            Map.entry("SC", 31),
            Map.entry("SD", 18),
            Map.entry("SE", 24),
            Map.entry("SI", 19),
            Map.entry("SK", 24),
            Map.entry("SM", 27),
            Map.entry("SO", 23),
            Map.entry("ST", 25),
            Map.entry("SV", 28),
            Map.entry("TL", 23),
            Map.entry("TN", 24),
            Map.entry("TR", 26),
            Map.entry("UA", 29),
            Map.entry("VA", 22),
            Map.entry("VG", 24),
            Map.entry("XK", 20),
            Map.entry("YE", 30));

    /** The IBAN length of a country, or 0 if the country has no IBAN. */
    public static int ibanLength(String country) {
        return IBAN_LENGTHS.getOrDefault(country, 0);
    }

    /** IBAN: known country, its length, mod 97 == 1. */
    public static boolean iban(String match) {
        String s = compact(match);
        if (s.length() < 15 || ibanLength(s.substring(0, 2)) != s.length()) {
            return false;
        }
        int mod = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt((i + 4) % s.length());
            int v = c <= '9' ? c - '0' : c - 'A' + 10;
            mod = v >= 10 ? (mod * 100 + v) % 97 : (mod * 10 + v) % 97;
        }
        return mod == 1;
    }

    private static final int[][] VERHOEFF_D = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
        {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
        {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
        {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}
    };
    private static final int[][] VERHOEFF_P = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
        {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
        {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 8, 5}
    };

    static boolean verhoeff(String s) {
        int c = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = s.charAt(s.length() - 1 - i) - '0';
            c = VERHOEFF_D[c][VERHOEFF_P[i % 8][d]];
        }
        return c == 0;
    }

    /** India Aadhaar: 12 digits, first 2..9, Verhoeff, not a palindrome. */
    public static boolean aadhaar(String match) {
        String s = compact(match);
        if (s.length() != 12 || digits(s) == null || s.charAt(0) < '2') {
            return false;
        }
        return verhoeff(s) && !new StringBuilder(s).reverse().toString().equals(s);
    }

    /** UK NHS number: mod 11 with weights 10..2. */
    public static boolean ukNhs(String match) {
        String s = compact(match);
        int[] d = digits(s);
        if (d == null || s.length() != 10 || allSame(s)) {
            return false;
        }
        int check = 11 - weighted(d, 10, 9, 8, 7, 6, 5, 4, 3, 2) % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == d[9];
    }

    private static final String NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    /** Spain NIF (DNI): up to 8 digits and the mod-23 letter; NIE: X/Y/Z prefix. */
    public static boolean esNif(String match) {
        String s = compact(match);
        if (s.length() < 2) {
            return false;
        }
        char first = s.charAt(0);
        String num = s.substring(0, s.length() - 1);
        if (first == 'X' || first == 'Y' || first == 'Z') {
            num = (first - 'X') + num.substring(1);
        }
        if (digits(num) == null || num.isEmpty() || num.length() > 8) {
            return false;
        }
        return NIF_LETTERS.charAt(Integer.parseInt(num) % 23) == s.charAt(s.length() - 1);
    }

    private static final int[] IT_ODD = {
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
    };

    /** Italy codice fiscale: 16 characters with the odd/even check letter. */
    public static boolean itFiscalCode(String match) {
        String s = compact(match);
        if (s.length() != 16) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = s.charAt(i);
            int v = c <= '9' ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? IT_ODD[v] : v;
        }
        return s.charAt(15) == 'A' + sum % 26;
    }

    /** Australia TFN: weights 1,4,3,7,5,8,6,9,10 mod 11. */
    public static boolean auTfn(String match) {
        String s = compact(match);
        int[] d = digits(s);
        return d != null && s.length() == 9 && !allSame(s) && weighted(d, 1, 4, 3, 7, 5, 8, 6, 9, 10) % 11 == 0;
    }

    /** Australia ABN: first digit minus one, weights 10,1,3..19 mod 89. */
    public static boolean auAbn(String match) {
        String s = compact(match);
        int[] d = digits(s);
        if (d == null || s.length() != 11 || d[0] == 0) {
            return false;
        }
        d[0] -= 1;
        return weighted(d, 10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19) % 89 == 0;
    }

    /** Australia ACN: weights 8..1, complement mod 10. */
    public static boolean auAcn(String match) {
        String s = compact(match);
        int[] d = digits(s);
        if (d == null || s.length() != 9 || allSame(s)) {
            return false;
        }
        return (10 - weighted(d, 8, 7, 6, 5, 4, 3, 2, 1) % 10) % 10 == d[8];
    }

    /** Australia Medicare: first digit 2..6, weights 1,3,7,9,1,3,7,9 mod 10 is the ninth digit. */
    public static boolean auMedicare(String match) {
        String s = compact(match);
        int[] d = digits(s);
        if (d == null || s.length() < 10 || s.length() > 11 || d[0] < 2 || d[0] > 6) {
            return false;
        }
        return weighted(d, 1, 3, 7, 9, 1, 3, 7, 9) % 10 == d[8];
    }

    /** Poland PESEL: weights 1,3,7,9 repeated, complement mod 10, plausible month. */
    public static boolean plPesel(String match) {
        String s = compact(match);
        int[] d = digits(s);
        if (d == null || s.length() != 11) {
            return false;
        }
        int month = (d[2] * 10 + d[3]) % 20;
        int day = d[4] * 10 + d[5];
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return false;
        }
        return (10 - weighted(d, 1, 3, 7, 9, 1, 3, 7, 9, 1, 3) % 10) % 10 == d[10];
    }

    /** Korea RRN (gender digit 1..4) or FRN (5..8): plausible date, mod-11 check digit. */
    public static boolean krRrn(String match, boolean foreigner) {
        String s = compact(match);
        int[] d = digits(s);
        if (d == null || s.length() != 13 || allSame(s)) {
            return false;
        }
        int month = d[2] * 10 + d[3];
        int day = d[4] * 10 + d[5];
        int g = d[6];
        boolean genderOk = foreigner ? g >= 5 && g <= 8 : g >= 1 && g <= 4;
        // Numbers issued since October 2020 carry no check digit, so only the date and gender digit are checked.
        return month >= 1 && month <= 12 && day >= 1 && day <= 31 && genderOk;
    }

    private static final String FI_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    /** Finland HETU: DDMMYY, century sign, three digits, mod-31 check character. */
    public static boolean fiPersonalId(String match) {
        String s = match.toUpperCase(java.util.Locale.ROOT);
        if (s.length() != 11 || "+-ABCDEFUVWXY".indexOf(s.charAt(6)) < 0) {
            return false;
        }
        String num = s.substring(0, 6) + s.substring(7, 10);
        if (digits(num) == null) {
            return false;
        }
        int day = Integer.parseInt(s.substring(0, 2));
        int month = Integer.parseInt(s.substring(2, 4));
        int[] monthDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (month < 1 || month > 12 || day < 1 || day > monthDays[month - 1]) {
            return false;
        }
        return FI_CHECK.charAt(Integer.parseInt(num) % 31) == s.charAt(10);
    }

    /** Sweden personnummer (10 or 12 digits): Luhn on the last ten, plausible date. */
    public static boolean sePersonnummer(String match) {
        String s = compact(match);
        if (digits(s) == null || s.length() != 10 && s.length() != 12) {
            return false;
        }
        String ten = s.substring(s.length() - 10);
        int month = Integer.parseInt(ten.substring(2, 4));
        int day = Integer.parseInt(ten.substring(4, 6));
        if (month < 1 || month > 12 || (day % 60) < 1 || (day % 60) > 31) {
            return false;
        }
        return Luhn.isValid(ten);
    }

    /** Thailand TNIN: 13 digits, first 1..8, weights 13..2, complement mod 11. */
    public static boolean thTnin(String match) {
        String s = compact(match);
        int[] d = digits(s);
        if (d == null || s.length() != 13 || d[0] == 0 || d[0] == 9) {
            return false;
        }
        int province = d[1] * 10 + d[2];
        if (province < 10
                || province % 10 == 9 && province != 19 && province != 39 && province != 49
                || province == 68
                || province == 78
                || province == 87
                || province == 88
                || province == 98) {
            return false; // not a province code in use
        }
        int sum = weighted(d, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2);
        return (11 - sum % 11) % 10 == d[12];
    }

    /** Turkey TCKN: 11 digits, first not 0, two check digits. */
    public static boolean trNationalId(String match) {
        String s = compact(match);
        int[] d = digits(s);
        if (d == null || s.length() != 11 || d[0] == 0) {
            return false;
        }
        int odd = d[0] + d[2] + d[4] + d[6] + d[8];
        int even = d[1] + d[3] + d[5] + d[7];
        int d10 = Math.floorMod(odd * 7 - even, 10);
        int sum10 = odd + even + d[9];
        return d10 == d[9] && sum10 % 10 == d[10];
    }

    /** South Africa ID: 13 digits, plausible date, Luhn. */
    public static boolean zaId(String match) {
        String s = compact(match);
        if (s.length() != 13 || digits(s) == null) {
            return false;
        }
        int month = Integer.parseInt(s.substring(2, 4));
        int day = Integer.parseInt(s.substring(4, 6));
        return month >= 1 && month <= 12 && day >= 1 && day <= 31 && Luhn.isValid(s);
    }

    /** Canada SIN: 9 digits, first not 0 or 8, Luhn. */
    public static boolean caSin(String match) {
        String s = compact(match);
        if (s.length() != 9 || digits(s) == null || s.charAt(0) == '0' || s.charAt(0) == '8' || allSame(s)) {
            return false;
        }
        return Luhn.isValid(s);
    }

    /** Singapore NRIC/FIN: prefix letter, seven digits, check letter. */
    public static boolean sgNric(String match) {
        String s = compact(match);
        if (s.length() != 9 || digits(s.substring(1, 8)) == null) {
            return false;
        }
        int[] d = digits(s.substring(1, 8));
        int sum = weighted(d, 2, 7, 6, 5, 4, 3, 2);
        char p = s.charAt(0);
        char c = s.charAt(8);
        switch (p) {
            case 'S':
                return "JZIHGFEDCBA".charAt(sum % 11) == c;
            case 'T':
                return "JZIHGFEDCBA".charAt((sum + 4) % 11) == c;
            case 'F':
                return "XWUTRQPNMLK".charAt(sum % 11) == c;
            case 'G':
                return "XWUTRQPNMLK".charAt((sum + 4) % 11) == c;
            case 'M':
                return "KLJNPQRTUWX".charAt(10 - (sum + 3) % 11) == c;
            default:
                return false;
        }
    }

    /** ICAO 9303 check digit (weights 7,3,1) over the first {@code n-1} characters, as German ID/passport use. */
    public static boolean icao(String match) {
        String s = compact(match);
        if (s.length() < 2) {
            return false;
        }
        int[] w = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            int v = c <= '9' ? c - '0' : c - 'A' + 10;
            sum += v * w[i % 3];
        }
        char last = s.charAt(s.length() - 1);
        return last >= '0' && last <= '9' && sum % 10 == last - '0';
    }

    /** Germany Steuer-ID: 11 digits, first not 0, ISO 7064 MOD 11,10, one digit repeated 2-3 times. */
    public static boolean deTaxId(String match) {
        String s = compact(match);
        int[] d = digits(s);
        if (d == null || s.length() != 11 || d[0] == 0) {
            return false;
        }
        int[] counts = new int[10];
        for (int i = 0; i < 10; i++) {
            counts[d[i]]++;
        }
        for (int c : counts) {
            if (c > 3) {
                return false;
            }
        }
        int product = 10;
        for (int i = 0; i < 10; i++) {
            int sum = (d[i] + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (sum * 2) % 11;
        }
        int check = 11 - product;
        if (check == 10) {
            check = 0;
        }
        return check == d[10];
    }

    /** US NPI: 10 digits starting 1 or 2, Luhn with the 80840 prefix. */
    public static boolean usNpi(String match) {
        String s = compact(match);
        if (s.length() != 10 || digits(s) == null || s.charAt(0) != '1' && s.charAt(0) != '2') {
            return false;
        }
        // A body of one repeated digit (1111111112) is a test value, not an issued number.
        return !allSame(s.substring(0, 9)) && Luhn.isValid("80840" + s);
    }

    /** Bitcoin Base58Check address (P2PKH/P2SH): the double-SHA-256 checksum. */
    public static boolean base58Check(String s) {
        final String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        java.math.BigInteger n = java.math.BigInteger.ZERO;
        java.math.BigInteger base = java.math.BigInteger.valueOf(58);
        for (int i = 0; i < s.length(); i++) {
            int v = alphabet.indexOf(s.charAt(i));
            if (v < 0) {
                return false;
            }
            n = n.multiply(base).add(java.math.BigInteger.valueOf(v));
        }
        byte[] raw = n.toByteArray();
        int leading = 0;
        while (leading < s.length() && s.charAt(leading) == '1') {
            leading++;
        }
        int start = raw.length > 1 && raw[0] == 0 ? 1 : 0;
        byte[] bytes = new byte[leading + raw.length - start];
        System.arraycopy(raw, start, bytes, leading, raw.length - start);
        if (bytes.length != 25) {
            return false;
        }
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(bytes, 0, 21);
            byte[] h = sha.digest(sha.digest());
            for (int i = 0; i < 4; i++) {
                if (h[i] != bytes[21 + i]) {
                    return false;
                }
            }
            return true;
        } catch (java.security.NoSuchAlgorithmException e) {
            return false;
        }
    }

    /** Bech32 / Bech32m address (bc1...): the BCH checksum. */
    public static boolean bech32(String address) {
        String s = address.toLowerCase(java.util.Locale.ROOT);
        int sep = s.lastIndexOf('1');
        if (sep < 1 || sep + 7 > s.length() || s.length() > 90) {
            return false;
        }
        final String charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
        int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int chk = 1;
        int[] values = new int[s.length() - sep - 1 + sep * 2 + 1];
        int k = 0;
        for (int i = 0; i < sep; i++) {
            values[k++] = s.charAt(i) >> 5;
        }
        values[k++] = 0;
        for (int i = 0; i < sep; i++) {
            values[k++] = s.charAt(i) & 31;
        }
        for (int i = sep + 1; i < s.length(); i++) {
            int v = charset.indexOf(s.charAt(i));
            if (v < 0) {
                return false;
            }
            values[k++] = v;
        }
        for (int v : values) {
            int top = chk >>> 25;
            chk = (chk & 0x1ffffff) << 5 ^ v;
            for (int i = 0; i < 5; i++) {
                if ((top >>> i & 1) != 0) {
                    chk ^= gen[i];
                }
            }
        }
        return chk == 1 || chk == 0x2bc830a3;
    }

    /**
     * German lifetime physician number (LANR): six digits, a check digit over them with weights 4 and 9
     * alternating, then a two-digit specialty code (never 00).
     */
    public static boolean deLanr(String match) {
        String s = compact(match);
        int[] d = digits(s);
        if (d == null || s.length() != 9 || allSame(s) || d[7] == 0 && d[8] == 0) {
            return false;
        }
        return (10 - weighted(d, 4, 9, 4, 9, 4, 9) % 10) % 10 == d[6];
    }

    /**
     * German health insurance number (KVNR): a letter and nine digits. The letter counts as its two-digit alphabet
     * position; the ten digits before the check digit are weighted 1, 2, 1, 2... with two-digit products reduced
     * to their digit sum, and the sum modulo 10 is the check digit.
     */
    public static boolean deHealthInsurance(String match) {
        String s = compact(match);
        if (s.length() != 10 || s.charAt(0) < 'A' || s.charAt(0) > 'Z') {
            return false;
        }
        int[] tail = digits(s.substring(1));
        if (tail == null) {
            return false;
        }
        int letter = s.charAt(0) - 'A' + 1;
        int[] e = new int[10];
        e[0] = letter / 10;
        e[1] = letter % 10;
        System.arraycopy(tail, 0, e, 2, 8);
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int p = e[i] * (i % 2 == 0 ? 1 : 2);
            sum += p / 10 + p % 10;
        }
        return sum % 10 == tail[8];
    }

    /**
     * German pension insurance number (RVNR): area (2 digits), birth day (01-31, or 51-81), month, year, the
     * surname initial, a serial and a check digit. The letter counts as its two-digit alphabet position; digits
     * are weighted 2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1 and the digit sums of the products add up to the check digit
     * modulo 10.
     */
    public static boolean deSocialSecurity(String match) {
        String s = compact(match);
        if (s.length() != 12 || s.charAt(8) < 'A' || s.charAt(8) > 'Z') {
            return false;
        }
        int[] head = digits(s.substring(0, 8));
        int[] tail = digits(s.substring(9));
        if (head == null || tail == null) {
            return false;
        }
        int day = head[2] * 10 + head[3];
        int month = head[4] * 10 + head[5];
        if (!(day >= 1 && day <= 31 || day >= 51 && day <= 81) || month < 1 || month > 12) {
            return false;
        }
        int letter = s.charAt(8) - 'A' + 1;
        int[] e = {
            head[0],
            head[1],
            head[2],
            head[3],
            head[4],
            head[5],
            head[6],
            head[7],
            letter / 10,
            letter % 10,
            tail[0],
            tail[1]
        };
        int[] w = {2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1};
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int p = e[i] * w[i];
            sum += p / 10 + p % 10;
        }
        return sum % 10 == tail[2];
    }

    /** Philippine TIN (9 or 12 digits): the first eight digits weighted 9..2, modulo 11, give the ninth. */
    public static boolean phTin(String match) {
        String s = compact(match);
        int[] d = digits(s);
        if (d == null || s.length() != 9 && s.length() != 12) {
            return false;
        }
        return weighted(d, 9, 8, 7, 6, 5, 4, 3, 2) % 11 == d[8];
    }

    /**
     * US DEA registration number: two letters and seven digits; the sum of digits 1, 3 and 5 plus twice the sum of
     * digits 2, 4 and 6 ends in the seventh digit.
     */
    public static boolean usDea(String match) {
        String s = compact(match);
        if (s.length() != 9) {
            return false;
        }
        int[] d = digits(s.substring(2));
        if (d == null || allSame(s.substring(2))) {
            return false;
        }
        return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6];
    }

    /**
     * Whether the digits of {@code s} hold a run of {@code n} or more consecutive ascending or descending digits
     * ("12345678", "98765432"): the mark of a made-up number, not an issued one.
     */
    public static boolean sequentialRun(CharSequence s, int n) {
        int up = 1;
        int down = 1;
        int prev = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int v = c - '0';
            if (prev >= 0) {
                up = v == (prev + 1) % 10 ? up + 1 : 1;
                down = v == (prev + 9) % 10 ? down + 1 : 1;
                if (up >= n || down >= n) {
                    return true;
                }
            }
            prev = v;
        }
        return false;
    }
}
