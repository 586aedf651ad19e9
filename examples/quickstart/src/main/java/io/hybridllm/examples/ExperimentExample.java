package io.hybridllm.examples;

import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.HybridClient;
import io.hybridllm.core.experiment.Experiment;
import io.hybridllm.core.experiment.JsonlExperimentRecorder;
import io.hybridllm.local.LocalChatBackend;
import io.hybridllm.remote.OpenAiCompatibleBackend;
import java.nio.file.Path;

/**
 * docs/experiments.md as code: 20% of users on the remote endpoint, the rest on the local model, 5% of calls shadowed
 * on the other arm, every call appended to {@code experiment.jsonl}. Then: {@code hybrid-cli experiment report
 * experiment.jsonl --out report/}.
 *
 * <pre>{@code
 * HYBRID_API_KEY=... java -cp ... io.hybridllm.examples.ExperimentExample models/SmolLM2-135M-Instruct https://openrouter.ai/api/v1
 * }</pre>
 */
public final class ExperimentExample {
    private ExperimentExample() {}

    public static void main(String[] args) {
        Path modelDir = Path.of(args.length > 0 ? args[0] : "models/SmolLM2-135M-Instruct");
        String baseUrl = args.length > 1 ? args[1] : "https://openrouter.ai/api/v1";
        Experiment experiment = Experiment.builder("local-vs-remote")
                .remoteShare(0.2)
                .shadowShare(0.05)
                .build();
        try (JsonlExperimentRecorder log = JsonlExperimentRecorder.open(Path.of("experiment.jsonl"));
                HybridClient client = HybridClient.builder()
                        .localBackend(LocalChatBackend.builder()
                                .modelDirectory(modelDir)
                                .build())
                        .remoteBackend(OpenAiCompatibleBackend.builder()
                                .baseUrl(baseUrl)
                                .apiKey(System.getenv("HYBRID_API_KEY"))
                                .model("openai/gpt-4o-mini")
                                .build())
                        .experiment(experiment, log)
                        .build()) {
            for (String user : new String[] {"alice", "bob", "carol", "dave"}) {
                ChatResponse r = client.chat(ChatRequest.builder()
                        .addUserMessage("Suggest a name for a bakery.")
                        .user(user)
                        .build());
                System.out.println(user + " (" + experiment.armOf(user) + "): " + r.text());
            }
        }
    }
}
