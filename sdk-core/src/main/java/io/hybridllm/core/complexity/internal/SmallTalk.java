package io.hybridllm.core.complexity.internal;

import java.util.List;
import java.util.Set;

/**
 * Recognizes small talk: a last user message of at most {@link #MAX_WORDS} words, all of them greetings, thanks,
 * pleasantries or their glue words, with no numbers, code or math symbols ("Hi! How are you today?", "Thanks, that
 * helps!", "Good morning"). No model is needed to answer those, whatever the learned layer makes of their surface;
 * the routing data sets hold no such prompts, so the learned weights say nothing reliable about them.
 */
final class SmallTalk {
    static final int MAX_WORDS = 12;

    private static final Set<String> WORDS = Set.of(
            // greetings and farewells
            "hi",
            "hello",
            "hey",
            "heya",
            "hiya",
            "howdy",
            "yo",
            "greetings",
            "morning",
            "afternoon",
            "evening",
            "night",
            "day",
            "bye",
            "goodbye",
            "later",
            "soon",
            "care",
            "meet",
            "nice",
            "hola",
            "bonjour",
            "salut",
            "hallo",
            "ciao",
            "there",
            "everyone",
            "all",
            "friend",
            "buddy",
            "guys",
            // how are you
            "how",
            "are",
            "you",
            "doing",
            "is",
            "it",
            "going",
            "today",
            "tonight",
            "what",
            "whats",
            "up",
            "sup",
            "i",
            "im",
            "am",
            "m",
            "s",
            "re",
            "ll",
            "ve",
            "fine",
            "well",
            "good",
            "great",
            "ok",
            "okay",
            "alright",
            "too",
            "also",
            "and",
            "a",
            "the",
            "to",
            "for",
            "your",
            "my",
            "me",
            "see",
            "ya",
            "take",
            "so",
            "very",
            "much",
            "really",
            // thanks and acknowledgements
            "thanks",
            "thank",
            "thx",
            "ty",
            "cheers",
            "appreciate",
            "appreciated",
            "welcome",
            "please",
            "sorry",
            "yes",
            "yeah",
            "yep",
            "no",
            "nope",
            "sure",
            "that",
            "this",
            "helps",
            "helped",
            "helpful",
            "perfect",
            "awesome",
            "cool",
            "excellent",
            "wonderful",
            "lovely",
            "amazing",
            "got",
            "oh",
            "wow",
            "lol",
            "haha",
            "danke",
            "merci",
            "gracias");

    private static final int NUMBERS = PromptFeatures.NAMES.indexOf("numbers");
    private static final int MATH_SYMBOLS = PromptFeatures.NAMES.indexOf("math_symbols");
    private static final int CODE_SYNTAX = PromptFeatures.NAMES.indexOf("code_syntax");
    private static final int CODE_BLOCK = PromptFeatures.NAMES.indexOf("code_block");

    private SmallTalk() {}

    /**
     * @param words the lower-cased word tokens of the last user message, as {@link PromptFeatures#extract} sends them
     * @param x the features {@link PromptFeatures#extract} filled for the same request
     */
    static boolean is(List<String> words, double[] x) {
        if (words.isEmpty()
                || words.size() > MAX_WORDS
                || x[NUMBERS] > 0
                || x[MATH_SYMBOLS] > 0
                || x[CODE_SYNTAX] > 0
                || x[CODE_BLOCK] > 0) {
            return false;
        }
        for (String w : words) {
            if (!WORDS.contains(w)) {
                return false;
            }
        }
        return true;
    }
}
