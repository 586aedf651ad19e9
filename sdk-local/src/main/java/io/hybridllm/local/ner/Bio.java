package io.hybridllm.local.ner;

/**
 * Reads tagging-scheme prefixes: {@code B-}/{@code I-} (IOB2), plus {@code S-}/{@code E-} (BIOES) and
 * {@code U-}/{@code L-} (BILOU). A label without a prefix is its own entity type and continues a run of the same
 * label, as in Hugging Face pipelines.
 */
final class Bio {
    private Bio() {}

    /** Whether {@code label} opens a new entity ({@code B-}, {@code S-}, {@code U-}). */
    static boolean begins(String label) {
        return hasPrefix(label) && "BSU".indexOf(Character.toUpperCase(label.charAt(0))) >= 0;
    }

    /** The entity type: {@code label} without its scheme prefix. */
    static String entityOf(String label) {
        return hasPrefix(label) ? label.substring(2) : label;
    }

    /** Whether {@code label} means "no entity" ({@code O}). */
    static boolean isOutside(String label) {
        return label.equalsIgnoreCase("O");
    }

    private static boolean hasPrefix(String label) {
        return label.length() > 2
                && label.charAt(1) == '-'
                && "BIESLU".indexOf(Character.toUpperCase(label.charAt(0))) >= 0;
    }
}
