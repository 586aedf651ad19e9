package io.hybridllm.local.ner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Latency of {@link OnnxEntityTagger#tag} on the tiny lookup model of the tests: the tagger's own cost
 * (tokenization with offsets, windows, tensors, softmax, aggregation) plus a trivial ONNX Runtime call. A real
 * BERT-base model adds its own inference time on top, which this cannot measure. Not a test (timings are never
 * asserted); see docs/ner.md for how to run it. Arguments: warm-up runs, measured runs.
 */
public final class NerTaggerBenchmark {
    private NerTaggerBenchmark() {}

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        Path dir = Files.createTempDirectory("ner-bench");
        OnnxEntityTaggerTest.conll().writeTo(dir.resolve("tiny"));
        String sentence = "My name is Wolfgang Amadeus Mozart and I live in New York, I work at Acme with Paris. ";
        for (int chars : new int[] {1024, 10240}) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < chars) {
                sb.append(sentence);
            }
            String text = sb.substring(0, chars);
            try (OnnxEntityTagger tagger = OnnxEntityTagger.load(dir.resolve("tiny"))) {
                TokenEncoder tokenizer = TokenEncoder.read(dir.resolve("tiny").resolve("tokenizer.json"));
                int tokens = tokenizer.encode(text).size;
                long sink = 0;
                for (int i = 0; i < warmup; i++) {
                    sink += tagger.tag(text).size() + tokenizer.encode(text).size;
                }
                long[] tag = new long[samples];
                long[] tok = new long[samples];
                for (int i = 0; i < samples; i++) {
                    long s = System.nanoTime();
                    sink += tagger.tag(text).size();
                    tag[i] = System.nanoTime() - s;
                    s = System.nanoTime();
                    sink += tokenizer.encode(text).size;
                    tok[i] = System.nanoTime() - s;
                }
                Arrays.sort(tag);
                Arrays.sort(tok);
                System.out.printf(
                        Locale.ROOT,
                        "chars=%d tokens=%d windows_of=%d samples=%d tag p50_us=%.1f p99_us=%.1f;"
                                + " tokenize p50_us=%.1f p99_us=%.1f (sink %d)%n",
                        chars,
                        tokens,
                        tagger.windowTokens(),
                        samples,
                        tag[samples / 2] / 1e3,
                        tag[samples * 99 / 100] / 1e3,
                        tok[samples / 2] / 1e3,
                        tok[samples * 99 / 100] / 1e3,
                        sink);
            }
        }
    }
}
