package io.hybridllm.core.complexity.internal;

import io.hybridllm.core.ChatMessage;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.errors.ConfigurationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One record of a routing data set or prompt log (JSONL). The prompt is {@code prompt} (with optional
 * {@code previous_turns}, earlier user turns) or {@code messages} ({@code [{"role":..,"content":..}]}).
 * Outcomes, first match wins: {@code strong_score}/{@code weak_score} (judge scores), {@code strong_correct}/{@code
 * weak_correct} (0/1), {@code raw_preference[weak_model]} (1 = strong better, 2 = weak better), else the {@code label}
 * ({@code needs_strong} = 1/0, {@code weak_ok} = 1/1, {@code both_fail} = 0/0).
 *
 * @param group records of one group stay in one cross-validation fold: the {@code group} field, else the normalized
 *     first user turn (so both turns of a conversation and duplicate prompts go together)
 * @param label {@code needs_strong}, {@code weak_ok}, {@code both_fail}, another string, or null
 * @param strongQuality NaN when the record has no outcome
 * @param category the record's {@code category} (task type or subject, e.g. an MMLU subject), or null
 */
public record LabelledPrompt(
        String id,
        String source,
        String group,
        ChatRequest request,
        String prompt,
        String label,
        double strongQuality,
        double weakQuality,
        String qualityKind,
        String category) {

    public static final String NEEDS_STRONG = "needs_strong";
    public static final String WEAK_OK = "weak_ok";
    public static final String BOTH_FAIL = "both_fail";

    public boolean hasOutcome() {
        return !Double.isNaN(strongQuality) && !Double.isNaN(weakQuality);
    }

    /**
     * True for the labels a router is trained on: needs_strong (positive), weak_ok and both_fail (negative: sending a
     * prompt neither model gets right to the strong model buys nothing).
     */
    public boolean isTrainable() {
        return NEEDS_STRONG.equals(label) || WEAK_OK.equals(label) || BOTH_FAIL.equals(label);
    }

    /** Reads a JSONL file; blank lines are skipped. Throws {@link IllegalArgumentException} naming the bad line. */
    public static List<LabelledPrompt> read(Path file) {
        String stem = file.getFileName().toString().replaceFirst("\\.jsonl?$", "");
        List<LabelledPrompt> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(of(MiniJson.parse(line), stem, file.getFileName() + ":" + n));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ":" + n + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new ConfigurationException("cannot read " + file, e);
        }
        return out;
    }

    /** Builds a record from one parsed JSON object. */
    public static LabelledPrompt of(Object json, String defaultSource, String defaultId) {
        if (!(json instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("record is not a JSON object");
        }
        ChatRequest.Builder b = ChatRequest.builder();
        String firstUser = null;
        String prompt;
        if (m.get("messages") instanceof List<?> msgs) {
            prompt = "";
            for (Object o : msgs) {
                if (!(o instanceof Map<?, ?> msg) || !(msg.get("content") instanceof String content)) {
                    throw new IllegalArgumentException("messages[] needs role and string content");
                }
                String role = String.valueOf(msg.get("role"));
                switch (role) {
                    case "system" -> b.addMessage(ChatMessage.system(content));
                    case "assistant" -> b.addMessage(ChatMessage.assistant(content));
                    case "user" -> {
                        b.addMessage(ChatMessage.user(content));
                        firstUser = firstUser == null ? content : firstUser;
                        prompt = content;
                    }
                    default -> throw new IllegalArgumentException("unknown role " + role);
                }
            }
        } else if (m.get("prompt") instanceof String p) {
            if (m.get("previous_turns") instanceof List<?> prev) {
                for (Object o : prev) {
                    String t = String.valueOf(o);
                    b.addMessage(ChatMessage.user(t));
                    firstUser = firstUser == null ? t : firstUser;
                }
            }
            b.addMessage(ChatMessage.user(p));
            firstUser = firstUser == null ? p : firstUser;
            prompt = p;
        } else {
            throw new IllegalArgumentException("record needs a string 'prompt' or a 'messages' array");
        }
        String source = m.get("source") instanceof String s ? s : defaultSource;
        String id = m.get("id") instanceof String s ? s : defaultId;
        String group = m.get("group") instanceof String g ? g : normalize(firstUser == null ? "" : firstUser);
        String label = m.get("label") instanceof String l ? l : null;
        String category = m.get("category") instanceof String c ? c : null;

        double strong = Double.NaN;
        double weak = Double.NaN;
        String kind = "none";
        if (m.get("strong_score") instanceof Double s && m.get("weak_score") instanceof Double w) {
            strong = s;
            weak = w;
            kind = "judge_score";
        } else if (m.get("strong_correct") instanceof Boolean s && m.get("weak_correct") instanceof Boolean w) {
            strong = s ? 1 : 0;
            weak = w ? 1 : 0;
            kind = "correctness";
        } else if (m.get("raw_preference") instanceof Map<?, ?> pref
                && m.get("weak_model") instanceof String wm
                && pref.get(wm) instanceof Double p) {
            weak = p - 1;
            strong = 2 - p;
            kind = "preference";
        } else if (NEEDS_STRONG.equals(label)) {
            strong = 1;
            weak = 0;
            kind = "label";
        } else if (WEAK_OK.equals(label)) {
            strong = 1;
            weak = 1;
            kind = "label";
        } else if (BOTH_FAIL.equals(label)) {
            strong = 0;
            weak = 0;
            kind = "label";
        }
        return new LabelledPrompt(id, source, group, b.build(), prompt, label, strong, weak, kind, category);
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }
}
