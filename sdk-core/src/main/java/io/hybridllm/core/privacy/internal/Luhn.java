package io.hybridllm.core.privacy.internal;

/** The Luhn (mod 10) check used by card numbers and several national ids. */
public final class Luhn {
    private Luhn() {}

    /** Checks the digits of {@code s}, ignoring spaces and dashes; false if fewer than two digits. */
    public static boolean isValid(CharSequence s) {
        int sum = 0;
        int digits = 0;
        boolean doubleIt = false;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ' ' || c == '-') {
                continue;
            }
            if (c < '0' || c > '9') {
                return false;
            }
            int d = c - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            digits++;
            doubleIt = !doubleIt;
        }
        return digits >= 2 && sum % 10 == 0;
    }
}
