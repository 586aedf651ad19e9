package io.hybridllm.core.complexity.internal;

import io.hybridllm.core.ChatMessage;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fast, hand-designed features of a prompt. One pass over the characters of the last user message splits it
 * into word tokens; each token costs one hash lookup for its marker categories (math, reasoning, code, creativity,
 * constraints, ...) and is handed to a {@link TermSink} for the learned vocabulary. Earlier user turns add a few
 * context features. No regular expressions: a 2 KB prompt takes microseconds.
 */
public final class PromptFeatures {
    /** Receives each lower-cased word token of the last user message (repeats included). */
    @FunctionalInterface
    public interface TermSink {
        void accept(String term);
    }

    /** Feature names, in the order of the array {@link #extract} fills. */
    public static final List<String> NAMES = List.of(
            "length",
            "words",
            "avg_word_length",
            "long_words",
            "lines",
            "sentences",
            "questions",
            "numbers",
            "big_numbers",
            "decimals_fractions",
            "math_symbols",
            "math_terms",
            "quantity_terms",
            "reasoning_terms",
            "step_by_step",
            "code_terms",
            "code_syntax",
            "code_block",
            "creative_terms",
            "roleplay",
            "constraint_terms",
            "word_limit",
            "long_output_terms",
            "short_output_terms",
            "multi_part",
            "few_shot",
            "multiple_choice",
            "answer_cue",
            "statement_pair",
            "knowledge_terms",
            "which_of_following",
            "negation",
            "domain_terms",
            "capitalized_words",
            "non_ascii",
            "quoted_text",
            "extraction_terms",
            "followup_terms",
            "conversation_turns",
            "system_prompt",
            "context_length",
            "context_math",
            "context_code",
            "context_creative",
            "decimals",
            "fractions");

    public static final int COUNT = NAMES.size();

    private static final int LENGTH = 0;
    private static final int WORDS = 1;
    private static final int AVG_WORD_LENGTH = 2;
    private static final int LONG_WORDS = 3;
    private static final int LINES = 4;
    private static final int SENTENCES = 5;
    private static final int QUESTIONS = 6;
    private static final int NUMBERS = 7;
    private static final int BIG_NUMBERS = 8;
    private static final int DECIMALS = 9;
    private static final int MATH_SYMBOLS = 10;
    private static final int MATH_TERMS = 11;
    private static final int QUANTITY_TERMS = 12;
    private static final int REASONING = 13;
    private static final int STEP_BY_STEP = 14;
    private static final int CODE_TERMS = 15;
    private static final int CODE_SYNTAX = 16;
    private static final int CODE_BLOCK = 17;
    private static final int CREATIVE = 18;
    private static final int ROLEPLAY = 19;
    private static final int CONSTRAINTS = 20;
    private static final int WORD_LIMIT = 21;
    private static final int LONG_OUTPUT = 22;
    private static final int SHORT_OUTPUT = 23;
    private static final int MULTI_PART = 24;
    private static final int FEW_SHOT = 25;
    private static final int MULTIPLE_CHOICE = 26;
    private static final int ANSWER_CUE = 27;
    private static final int STATEMENT_PAIR = 28;
    private static final int KNOWLEDGE = 29;
    private static final int WHICH_OF_FOLLOWING = 30;
    private static final int NEGATION = 31;
    private static final int DOMAIN = 32;
    private static final int CAPITALIZED = 33;
    private static final int NON_ASCII = 34;
    private static final int QUOTED = 35;
    private static final int EXTRACTION = 36;
    private static final int FOLLOWUP = 37;
    private static final int TURNS = 38;
    private static final int SYSTEM = 39;
    private static final int CONTEXT_LENGTH = 40;
    private static final int CONTEXT_MATH = 41;
    private static final int CONTEXT_CODE = 42;
    private static final int CONTEXT_CREATIVE = 43;
    private static final int DECIMAL_NUMBERS = 44;
    private static final int FRACTIONS = 45;

    // Token categories (bit flags), looked up once per token.
    private static final int C_MATH = 1;
    private static final int C_QUANTITY = 1 << 1;
    private static final int C_REASONING = 1 << 2;
    private static final int C_CODE = 1 << 3;
    private static final int C_CREATIVE = 1 << 4;
    private static final int C_CONSTRAINT = 1 << 5;
    private static final int C_LONG_OUTPUT = 1 << 6;
    private static final int C_SHORT_OUTPUT = 1 << 7;
    private static final int C_KNOWLEDGE = 1 << 8;
    private static final int C_NEGATION = 1 << 9;
    private static final int C_DOMAIN = 1 << 10;
    private static final int C_EXTRACTION = 1 << 11;
    private static final int C_FOLLOWUP = 1 << 12;
    private static final int C_UNIT = 1 << 13;
    private static final int C_FEW_SHOT = 1 << 14;
    private static final int C_MULTI = 1 << 15;
    private static final int C_FRACTION = 1 << 16;

    private static final Map<String, Integer> CATEGORIES = new HashMap<>();

    static {
        put(
                C_MATH,
                "solve solving calculate compute equation equations integral derivative probability percent percentage"
                        + " ratio fraction prime theorem polynomial matrix sqrt root roots log logarithm factor"
                        + " factorial modulo mod divisible sum product average mean median variance expected"
                        + " geometric arithmetic algebra calculus function functions vector vectors integer integers"
                        + " digits triangle circle radius area perimeter volume angle degree degrees slope quotient"
                        + " remainder multiply divide divided times twice half triple double quarter exponent");
        put(
                C_QUANTITY,
                "how many much total each per every left remaining cost costs price spend spent earn earns"
                        + " profit buys sells paid pay dollars cents");
        put(
                C_UNIT,
                "hours hour minutes minute seconds days day weeks week months month years year miles mile km"
                        + " meters feet inches pounds kg grams liters gallons");
        put(
                C_REASONING,
                "prove proof derive why explain analyze analyse analysis compare contrast evaluate justify reason"
                        + " reasoning infer inference implications implication tradeoffs trade consequences critically"
                        + " argue assess logic logical deduce conclude conclusion hypothesis assume suppose therefore"
                        + " implies paradox riddle puzzle");
        put(
                C_CODE,
                "code program programming function def class return import public static void int const let var"
                        + " println printf python java javascript typescript sql select query algorithm implement"
                        + " compile bug debug regex api json html css script loop array recursion recursive runtime"
                        + " complexity struct pointer string boolean lambda");
        put(
                C_CREATIVE,
                "write poem story essay limerick song lyrics imagine creative fictional fiction character novel"
                        + " persuasive slogan joke haiku blog tweet rhyme rhymes script dialogue letter email speech"
                        + " narrative plot describe vivid");
        put(
                C_CONSTRAINT,
                "exactly must only limit format formatted table bullet bullets list concise without avoid include"
                        + " ensure strictly maximum minimum under fewer less more than keep");
        put(
                C_LONG_OUTPUT,
                "detailed comprehensive thorough elaborate essay report outline plan guide tutorial in-depth"
                        + " develop design");
        put(C_SHORT_OUTPUT, "briefly brief short summarize summary concise sentence tl yes no");
        put(C_KNOWLEDGE, "what who when where which define definition name history historical famous known");
        put(C_NEGATION, "not except never none false incorrect least cannot isn");
        put(
                C_DOMAIN,
                "law legal court statute contract plaintiff defendant medical clinical patient diagnosis disease"
                        + " physics chemistry molecule quantum economics economic gdp philosophy philosopher biology"
                        + " genetic gene protein cell enzyme inflation monetary fiscal tax accounting"
                        + " psychology cognitive theory constitution amendment");
        put(C_EXTRACTION, "extract identify following given text passage paragraph data document below above");
        put(C_FOLLOWUP, "previous your rewrite rephrase now instead again revise change update it");
        put(C_FEW_SHOT, "example examples input output e.g");
        put(C_MULTI, "also additionally then second secondly finally furthermore both");
        put(C_FRACTION, "half halves third thirds quarter quarters fifth fifths");
    }

    /** The prompt families that get their own weights: multiple-choice, short math word problems, the rest. */
    public static final List<String> SEGMENTS = List.of("choice", "math", "open");

    /** The family of a prompt from its features: an index into {@link #SEGMENTS}. */
    public static int segment(double[] x) {
        if (x[MULTIPLE_CHOICE] > 0 || x[ANSWER_CUE] > 0) {
            return 0;
        }
        if (x[TURNS] == 0
                && x[LINES] == 0
                && x[NUMBERS] > 0
                && x[QUANTITY_TERMS] > 0
                && x[CODE_TERMS] == 0
                && x[CREATIVE] == 0) {
            return 1;
        }
        return 2;
    }

    private static void put(int category, String words) {
        for (String w : words.split(" ")) {
            CATEGORIES.merge(w, category, (a, b) -> a | b);
        }
    }

    private PromptFeatures() {}

    /** Fills {@code out} (length {@link #COUNT}) for the request and sends each token of the last user message. */
    public static void extract(ChatRequest request, double[] out, TermSink sink) {
        List<ChatMessage> messages = request.messages();
        int lastUser = -1;
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                lastUser = i;
                break;
            }
        }
        String text = lastUser >= 0 ? messages.get(lastUser).content() : "";
        java.util.Arrays.fill(out, 0);
        int[] cats = new int[17];
        text(text, out, cats, sink);

        int turns = 0;
        boolean system = false;
        long contextChars = 0;
        int[] contextCats = new int[17];
        double[] scratch = new double[COUNT];
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            if (m.role() == Role.SYSTEM) {
                system = true;
            }
            if (i == lastUser || !m.hasContent()) {
                continue;
            }
            if (m.role() == Role.USER) {
                turns++;
                text(m.content(), scratch, contextCats, term -> {});
            }
            contextChars += m.content().length();
        }
        out[TURNS] = Math.min(5, turns);
        out[SYSTEM] = system ? 1 : 0;
        out[CONTEXT_LENGTH] = Math.log1p(contextChars);
        out[CONTEXT_MATH] = Math.log1p(contextCats[bit(C_MATH)] + contextCats[bit(C_QUANTITY)] + scratch[NUMBERS]);
        out[CONTEXT_CODE] = Math.log1p(contextCats[bit(C_CODE)] + scratch[CODE_SYNTAX]);
        out[CONTEXT_CREATIVE] = Math.log1p(contextCats[bit(C_CREATIVE)]);
    }

    private static int bit(int category) {
        return Integer.numberOfTrailingZeros(category);
    }

    /** The text-level features of one message; accumulates category counts into {@code cats}. */
    private static void text(String text, double[] out, int[] cats, TermSink sink) {
        int n = text.length();
        char[] buf = new char[64];
        int words = 0;
        int alphaWords = 0;
        int alphaLetters = 0;
        int longWords = 0;
        int capitalized = 0;
        int numbers = 0;
        int bigNumbers = 0;
        int decimals = 0;
        int decimalNumbers = 0;
        int slashFractions = 0;
        int mathSymbols = 0;
        int codeSyntax = 0;
        int nonAscii = 0;
        int lines = 0;
        int sentences = 0;
        int questions = 0;
        int quoted = 0;
        boolean inQuote = false;
        int codeFences = 0;
        int stepByStep = 0;
        int wordLimit = 0;
        int whichOfFollowing = 0;
        int roleplay = 0;
        int enumerated = 0;
        int optionLines = 0;
        int statementPair = 0;
        String prev = "";
        String prev2 = "";
        boolean sentenceStart = true;
        boolean lineStart = true;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (lineStart) {
                lineStart = false;
                int j = i;
                while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                    j++;
                }
                if (j + 1 < n) {
                    char a = text.charAt(j);
                    char b = text.charAt(j + 1);
                    if ((a >= 'A' && a <= 'H') && (b == '.' || b == ')')) {
                        optionLines++;
                    } else if (a == '(' && j + 2 < n && text.charAt(j + 2) == ')') {
                        optionLines++;
                    } else if ((a == '-' || a == '*' || a == '\u2022') && b == ' ') {
                        enumerated++;
                    } else if (isDigit(a) && (b == '.' || b == ')')) {
                        enumerated++;
                    }
                }
            }
            if (isLetterOrDigit(c)) {
                int start = i;
                boolean digit = false;
                boolean letter = false;
                while (i < n) {
                    char d = text.charAt(i);
                    if (isLetter(d)) {
                        letter = true;
                    } else if (isDigit(d)) {
                        digit = true;
                    } else if (!((d == '.' || d == ',' || d == '/')
                            && digit
                            && !letter
                            && i + 1 < n
                            && isDigit(text.charAt(i + 1)))) {
                        break;
                    }
                    if (d > 127) {
                        nonAscii++;
                    }
                    i++;
                }
                words++;
                if (digit && !letter) {
                    numbers++;
                    int digits = 0;
                    boolean dot = false;
                    boolean slash = false;
                    for (int k = start; k < i; k++) {
                        char d = text.charAt(k);
                        if (isDigit(d)) {
                            digits++;
                        } else if (d == '.') {
                            dot = true;
                        } else if (d == '/') {
                            slash = true;
                        }
                    }
                    boolean frac = dot || slash;
                    if (dot) {
                        decimalNumbers++;
                    }
                    if (slash) {
                        slashFractions++;
                    }
                    if (digits >= 4 && !frac) {
                        bigNumbers++;
                    }
                    if (frac) {
                        decimals++;
                    }
                    if (isLimitUnitAhead(text, i)) {
                        wordLimit++;
                    }
                    prev2 = prev;
                    prev = "#";
                    sentenceStart = false;
                    continue;
                }
                String tok = lowerToken(text, start, i, buf);
                alphaWords++;
                alphaLetters += tok.length();
                if (tok.length() >= 10) {
                    longWords++;
                }
                if (!sentenceStart && Character.isUpperCase(text.charAt(start))) {
                    capitalized++;
                }
                sentenceStart = false;
                Integer cat = CATEGORIES.get(tok);
                if (cat != null) {
                    int m = cat;
                    while (m != 0) {
                        int b = Integer.numberOfTrailingZeros(m);
                        cats[b]++;
                        m &= m - 1;
                    }
                }
                if (tok.equals("step") && prev.equals("by") && prev2.equals("step")) {
                    stepByStep++;
                } else if (tok.equals("following") && prev.equals("the") && prev2.equals("of")) {
                    whichOfFollowing++;
                } else if ((tok.equals("as") && prev.equals("act"))
                        || (tok.equals("are") && prev.equals("you"))
                        || tok.equals("pretend")
                        || tok.equals("roleplay")) {
                    roleplay++;
                } else if (tok.equals("statement") && i + 3 < n && text.charAt(i + 1) == '1') {
                    statementPair++;
                }
                sink.accept(tok);
                prev2 = prev;
                prev = tok;
                continue;
            }
            switch (c) {
                case '\n' -> {
                    lines++;
                    lineStart = true;
                    sentenceStart = true;
                }
                case '?' -> {
                    questions++;
                    sentences++;
                    sentenceStart = true;
                }
                case '.', '!' -> {
                    if (i + 1 >= n || Character.isWhitespace(text.charAt(i + 1))) {
                        sentences++;
                        sentenceStart = true;
                    }
                }
                case '=', '+', '^', '*', '%', '$', '<', '>', '\u00d7', '\u00f7', '\u221a' -> mathSymbols++;
                case '{', '}', ';', '[', ']', '_', '\\' -> codeSyntax++;
                case '"' -> inQuote = !inQuote;
                case '`' -> {
                    if (i + 2 < n && text.charAt(i + 1) == '`' && text.charAt(i + 2) == '`') {
                        codeFences++;
                        i += 2;
                    }
                }
                default -> {
                    if (c > 127 && !Character.isWhitespace(c)) {
                        nonAscii++;
                    }
                }
            }
            if (inQuote) {
                quoted++;
            }
            i++;
        }
        out[LENGTH] = Math.log1p(n);
        out[WORDS] = Math.log1p(words);
        out[AVG_WORD_LENGTH] = alphaWords == 0 ? 0 : Math.min(12, (double) alphaLetters / alphaWords);
        out[LONG_WORDS] = alphaWords == 0 ? 0 : (double) longWords / alphaWords;
        out[LINES] = Math.log1p(lines);
        out[SENTENCES] = Math.log1p(sentences);
        out[QUESTIONS] = Math.min(5, questions);
        out[NUMBERS] = Math.log1p(numbers);
        out[BIG_NUMBERS] = Math.log1p(bigNumbers);
        out[DECIMALS] = Math.log1p(decimals);
        out[DECIMAL_NUMBERS] = Math.log1p(decimalNumbers);
        out[FRACTIONS] = Math.log1p(slashFractions + cats[bit(C_FRACTION)]);
        out[MATH_SYMBOLS] = Math.log1p(mathSymbols);
        out[MATH_TERMS] = Math.log1p(cats[bit(C_MATH)]);
        out[QUANTITY_TERMS] = Math.log1p(cats[bit(C_QUANTITY)] + cats[bit(C_UNIT)]);
        out[REASONING] = Math.log1p(cats[bit(C_REASONING)]);
        out[STEP_BY_STEP] = Math.min(1, stepByStep);
        out[CODE_TERMS] = Math.log1p(cats[bit(C_CODE)]);
        out[CODE_SYNTAX] = Math.log1p(codeSyntax);
        out[CODE_BLOCK] = Math.min(1, codeFences);
        out[CREATIVE] = Math.log1p(cats[bit(C_CREATIVE)]);
        out[ROLEPLAY] = Math.min(2, roleplay);
        out[CONSTRAINTS] = Math.log1p(cats[bit(C_CONSTRAINT)]);
        out[WORD_LIMIT] = Math.min(1, wordLimit);
        out[LONG_OUTPUT] = Math.log1p(cats[bit(C_LONG_OUTPUT)]);
        out[SHORT_OUTPUT] = Math.log1p(cats[bit(C_SHORT_OUTPUT)]);
        out[MULTI_PART] = Math.log1p(enumerated + cats[bit(C_MULTI)] + Math.max(0, questions - 1));
        out[FEW_SHOT] = Math.log1p(cats[bit(C_FEW_SHOT)]);
        out[MULTIPLE_CHOICE] = optionLines >= 3 ? 1 : 0;
        out[ANSWER_CUE] = endsWithAnswerCue(text) ? 1 : 0;
        out[STATEMENT_PAIR] = Math.min(1, statementPair);
        out[KNOWLEDGE] = Math.log1p(cats[bit(C_KNOWLEDGE)]);
        out[WHICH_OF_FOLLOWING] = Math.min(1, whichOfFollowing);
        out[NEGATION] = Math.log1p(cats[bit(C_NEGATION)]);
        out[DOMAIN] = Math.log1p(cats[bit(C_DOMAIN)]);
        out[CAPITALIZED] = alphaWords == 0 ? 0 : (double) capitalized / alphaWords;
        out[NON_ASCII] = n == 0 ? 0 : Math.min(1, (double) nonAscii / n);
        out[QUOTED] = Math.log1p(quoted);
        out[EXTRACTION] = Math.log1p(cats[bit(C_EXTRACTION)]);
        out[FOLLOWUP] = Math.log1p(cats[bit(C_FOLLOWUP)]);
    }

    /** The lower-cased token {@code text[start, end)}: one allocation for ASCII, the JDK's rules otherwise. */
    private static String lowerToken(String text, int start, int end, char[] buf) {
        int len = end - start;
        if (len > buf.length) {
            return text.substring(start, end).toLowerCase(Locale.ROOT);
        }
        for (int k = 0; k < len; k++) {
            char c = text.charAt(start + k);
            if (c >= 128) {
                return text.substring(start, end).toLowerCase(Locale.ROOT);
            }
            buf[k] = (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
        }
        return new String(buf, 0, len);
    }

    // ASCII fast paths: most prompt characters are ASCII, and Character's Unicode tables cost more per call.
    private static boolean isDigit(char c) {
        return c < 128 ? (c >= '0' && c <= '9') : Character.isDigit(c);
    }

    private static boolean isLetter(char c) {
        return c < 128 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : Character.isLetter(c);
    }

    private static boolean isLetterOrDigit(char c) {
        return isLetter(c) || isDigit(c);
    }

    /** True when the number ending at {@code i} is followed by a length unit: "in 50 words", "3 paragraphs". */
    private static boolean isLimitUnitAhead(String text, int i) {
        int j = i;
        while (j < text.length() && text.charAt(j) == ' ') {
            j++;
        }
        return startsWithWord(text, j, "word")
                || startsWithWord(text, j, "sentence")
                || startsWithWord(text, j, "paragraph")
                || startsWithWord(text, j, "line")
                || startsWithWord(text, j, "bullet")
                || startsWithWord(text, j, "character");
    }

    private static boolean startsWithWord(String text, int at, String word) {
        return text.regionMatches(true, at, word, 0, word.length());
    }

    private static boolean endsWithAnswerCue(String text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end >= 7 && text.regionMatches(true, end - 7, "answer:", 0, 7);
    }
}
