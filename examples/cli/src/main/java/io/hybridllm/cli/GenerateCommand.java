package io.hybridllm.cli;

import io.hybridllm.core.ChatChunk;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.errors.HybridException;
import io.hybridllm.core.spi.CallContext;
import io.hybridllm.local.LocalChatBackend;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Raw completion on the local model, no chat template; prints only the generated text. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Raw completion on the local model, no chat template; prints only the generated text.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--local-model", required = true, description = "model directory")
    Path model;

    @Option(names = "--max-tokens", defaultValue = "256", description = "tokens to generate (default ${DEFAULT-VALUE})")
    int maxTokens;

    @Option(names = "--temperature", defaultValue = "0", description = "0 = greedy (default ${DEFAULT-VALUE})")
    double temperature;

    @Option(names = "--top-p", defaultValue = "1", description = "nucleus sampling mass (default ${DEFAULT-VALUE})")
    double topP;

    @Option(names = "--seed", description = "random seed for sampling")
    Long seed;

    @Option(names = "--prompt", defaultValue = "", description = "text to continue; empty starts from BOS")
    String prompt;

    @Option(names = "--threads", defaultValue = "1", description = "ONNX Runtime intra-op threads")
    int threads;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (LocalChatBackend backend = LocalChatBackend.builder()
                .modelDirectory(model)
                .intraOpThreads(threads)
                .build()) {
            ChatRequest.Builder params = ChatRequest.builder()
                    .addUserMessage("-")
                    .maxTokens(maxTokens)
                    .temperature(temperature)
                    .topP(topP);
            if (seed != null) {
                params.seed(seed);
            }
            try (ChatStream stream = backend.completeStreaming(prompt, params.build(), CallContext.create())) {
                for (ChatChunk chunk : stream) {
                    out.print(chunk.delta());
                }
            }
            if (System.console() != null) {
                out.println();
            }
            out.flush();
            return 0;
        } catch (HybridException | IllegalArgumentException e) {
            System.err.println("generate: " + e.getMessage());
            return 1;
        }
    }
}
