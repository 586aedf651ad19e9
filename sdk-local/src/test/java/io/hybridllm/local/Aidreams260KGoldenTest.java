package io.hybridllm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hybridllm.local.internal.DecoderSession;
import io.hybridllm.local.internal.Generation;
import io.hybridllm.local.internal.ModelConfig;
import io.hybridllm.local.internal.Sampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Converts the shared aidreams260K llama2.c checkpoint and checks it against llama2.c's own greedy output. */
class Aidreams260KGoldenTest {
    @TempDir
    static Path out;

    static Path shared;

    @BeforeAll
    static void convert() {
        String dir = System.getProperty("hybridllm.shared.dir", "../../shared");
        shared = Path.of(dir, "models", "aidreams260K");
        assumeTrue(
                Files.isRegularFile(shared.resolve("aidreams260K.bin")),
                "shared model absent (" + shared + "): skipping the aidreams260K golden test");
        Llama2cConverter.convert(shared.resolve("aidreams260K.bin"), shared.resolve("tok512.bin"), out);
    }

    static int[] golden() throws IOException {
        String text = Files.readString(shared.resolve("golden_greedy_from_bos_ids.txt"))
                .trim();
        return Arrays.stream(text.split("\\s*,\\s*"))
                .mapToInt(Integer::parseInt)
                .toArray();
    }

    static List<Integer> generate(boolean useCache, int max) {
        ModelConfig config = ModelConfig.load(out);
        try (DecoderSession session = DecoderSession.open(out, config, 1);
                Generation g = new Generation(
                        session,
                        new int[] {1},
                        new Sampler(0, 0, 1, 1, 0),
                        List.of(),
                        max,
                        config.contextWindow(),
                        () -> false,
                        useCache)) {
            List<Integer> ids = new ArrayList<>();
            for (int t = g.next(); t != Generation.DONE; t = g.next()) {
                ids.add(t);
            }
            return ids;
        }
    }

    @Test
    void greedyFromBos_reproducesAll128GoldenIds() throws IOException {
        int[] golden = golden();
        assertThat(golden).hasSize(128);
        List<Integer> ids = generate(true, 128);
        assertThat(ids).containsExactly(Arrays.stream(golden).boxed().toArray(Integer[]::new));
    }

    @Test
    void kvCacheDecoding_agreesWithFullRecompute() {
        assertThat(generate(true, 128)).isEqualTo(generate(false, 128));
    }
}
