package io.hybridllm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hybridllm.core.ChatChunk;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.FinishReason;
import io.hybridllm.core.errors.ContextLengthExceededException;
import io.hybridllm.core.errors.LocalInferenceException;
import io.hybridllm.core.errors.ModelLoadException;
import io.hybridllm.core.errors.ModelNotAvailableException;
import io.hybridllm.core.spi.BackendHealth;
import io.hybridllm.core.spi.CallContext;
import io.hybridllm.local.internal.DecoderSession;
import io.hybridllm.local.internal.Generation;
import io.hybridllm.local.internal.ModelConfig;
import io.hybridllm.local.internal.Sampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the backend on tiny random-weight models written by the converter; needs no shared files. */
class LocalChatBackendTest {
    @TempDir
    static Path tmp;

    static Path model;
    static LocalChatBackend backend;

    @BeforeAll
    static void setUp() {
        model = tmp.resolve("random");
        Llama2cConverter.writeRandomModel(model, 32, 64, 2, 4, 320, 64, 42);
        backend = LocalChatBackend.builder()
                .modelDirectory(model)
                .intraOpThreads(1)
                .build();
    }

    @AfterAll
    static void tearDown() {
        backend.close();
    }

    private static ChatRequest.Builder greedy(int maxTokens) {
        return ChatRequest.builder().addUserMessage("hi").maxTokens(maxTokens).temperature(0);
    }

    private static List<Integer> decode(boolean cache, int max) {
        ModelConfig config = ModelConfig.load(model);
        try (DecoderSession s = DecoderSession.open(model, config, 1);
                Generation g = new Generation(
                        s,
                        new int[] {1, 40, 50, 60},
                        new Sampler(0, 0, 1, 1, 0),
                        List.of(),
                        max,
                        64,
                        () -> false,
                        cache)) {
            List<Integer> ids = new ArrayList<>();
            for (int t = g.next(); t != Generation.DONE; t = g.next()) {
                ids.add(t);
            }
            return ids;
        }
    }

    @Test
    void kvCacheDecoding_agreesWithFullRecompute_onRandomWeights() {
        List<Integer> cached = decode(true, 40);
        assertThat(cached).hasSize(40);
        assertThat(cached).isEqualTo(decode(false, 40));
    }

    @Test
    void generation_stopsWithLengthAtTheContextWindow() {
        // 4 prompt tokens + 61 generated = 65 tokens; the last one would run at position 64 = window.
        assertThat(decode(true, Integer.MAX_VALUE)).hasSize(61);
    }

    @Test
    void chat_reportsBackendNameUsageLogprobsAndLength() {
        ChatResponse r = backend.chat(greedy(6).build(), CallContext.create());
        assertThat(r.backend()).isEqualTo("local:random-32x2");
        assertThat(r.usage().promptTokens())
                .isEqualTo(backend.countPromptTokens(greedy(6).build()));
        assertThat(r.usage().completionTokens()).isEqualTo(6);
        assertThat(r.finishReason()).contains(FinishReason.LENGTH);
        assertThat(r.choices().get(0).logprobs()).hasSize(6).allSatisfy(lp -> assertThat(lp.logprob())
                .isLessThanOrEqualTo(0));
    }

    @Test
    void streaming_concatenatesToTheSameTextAsChat() {
        String full = backend.chat(greedy(12).build(), CallContext.create()).text();
        StringBuilder streamed = new StringBuilder();
        FinishReason last = null;
        try (ChatStream s = backend.chatStreaming(greedy(12).build(), CallContext.create())) {
            for (ChatChunk c : s) {
                streamed.append(c.delta());
                last = c.finishReason().orElse(last);
            }
        }
        assertThat(streamed.toString()).isEqualTo(full);
        assertThat(last).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void sampling_withTheSameSeed_isReproducible_andTemperatureChangesTheOutput() {
        ChatRequest a = greedy(20).temperature(1.5).seed(7).build();
        String first = backend.chat(a, CallContext.create()).text();
        assertThat(backend.chat(a, CallContext.create()).text()).isEqualTo(first);
        List<String> others = new ArrayList<>();
        for (long seed = 8; seed < 12; seed++) {
            others.add(backend.chat(greedy(20).temperature(1.5).seed(seed).build(), CallContext.create())
                    .text());
        }
        assertThat(others).anySatisfy(o -> assertThat(o).isNotEqualTo(first));
    }

    @Test
    void stopSequence_cutsTheTextBeforeItAndFinishesWithStop() {
        String full = backend.chat(greedy(30).build(), CallContext.create()).text();
        String stop = full.substring(10, 12);
        int at = full.indexOf(stop);
        ChatResponse r = backend.chat(greedy(30).addStop(stop).build(), CallContext.create());
        assertThat(r.text()).isEqualTo(full.substring(0, at));
        assertThat(r.finishReason()).contains(FinishReason.STOP);
    }

    @Test
    void cancellation_betweenTokens_endsTheStreamWithCancelled() {
        CallContext ctx = CallContext.create();
        List<ChatChunk> chunks = new ArrayList<>();
        try (ChatStream s = backend.chatStreaming(greedy(50).build(), ctx)) {
            Iterator<ChatChunk> it = s.iterator();
            chunks.add(it.next());
            chunks.add(it.next());
            ctx.cancel();
            while (it.hasNext()) {
                chunks.add(it.next());
            }
        }
        ChatChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.finishReason()).contains(FinishReason.CANCELLED);
        assertThat(last.usage().orElseThrow().completionTokens()).isEqualTo(2);
    }

    @Test
    void promptOverTheContextWindow_throwsContextLengthExceeded() {
        ChatRequest big =
                ChatRequest.builder().addUserMessage("abc ".repeat(40)).build();
        assertThatThrownBy(() -> backend.chat(big, CallContext.create()))
                .isInstanceOf(ContextLengthExceededException.class)
                .satisfies(e -> assertThat(((ContextLengthExceededException) e).contextWindow())
                        .isEqualTo(64));
    }

    @Test
    void capabilities_reportTheConfiguredWindowAndNoTools() {
        assertThat(backend.capabilities().contextWindow()).isEqualTo(64);
        assertThat(backend.capabilities().supportsTools()).isFalse();
        assertThat(backend.capabilities().supportsJsonSchema()).isFalse();
        assertThat(backend.health().state()).isEqualTo(BackendHealth.State.READY);
    }

    @Test
    void rawCompletion_withEmptyPrompt_startsFromBos() {
        ChatResponse r = backend.completeStreaming("", greedy(3).build(), CallContext.create())
                .collect();
        assertThat(r.usage().promptTokens()).isEqualTo(1);
        // Either three tokens, or the model ended the text early with an EOS id (llama2.c models emit BOS as EOS).
        if (r.usage().completionTokens() < 3) {
            assertThat(r.finishReason()).contains(FinishReason.STOP);
        } else {
            assertThat(r.finishReason()).contains(FinishReason.LENGTH);
        }
    }

    @Test
    void corruptModelFile_throwsModelLoadExceptionNamingTheFile() throws IOException {
        Path dir = copyModel("corrupt");
        Files.write(dir.resolve("model.onnx"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> LocalChatBackend.builder().modelDirectory(dir).build())
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(dir.resolve("model.onnx").toString());
    }

    @Test
    void missingTokenizer_throwsModelLoadExceptionNamingTheFile() throws IOException {
        Path dir = copyModel("notok");
        Files.delete(dir.resolve("tokenizer.json"));
        assertThatThrownBy(() -> LocalChatBackend.builder().modelDirectory(dir).build())
                .isInstanceOf(ModelLoadException.class)
                .isInstanceOf(LocalInferenceException.class)
                .hasMessageContaining(dir.resolve("tokenizer.json").toString());
    }

    @Test
    void missingDirectory_throwsModelNotAvailable() {
        assertThatThrownBy(() -> LocalChatBackend.builder()
                        .modelDirectory(tmp.resolve("nope"))
                        .build())
                .isInstanceOf(ModelNotAvailableException.class);
    }

    @Test
    void asyncLoading_reportsStartingUntilLoaded_thenReady() {
        List<Runnable> queued = new ArrayList<>();
        Executor manual = queued::add;
        try (LocalChatBackend b = LocalChatBackend.builder()
                .modelDirectory(model)
                .loadAsync(manual)
                .build()) {
            assertThat(b.health().state()).isEqualTo(BackendHealth.State.STARTING);
            assertThatThrownBy(() -> b.chat(greedy(1).build(), CallContext.create()))
                    .isInstanceOf(ModelNotAvailableException.class);
            queued.forEach(Runnable::run);
            assertThat(b.health().state()).isEqualTo(BackendHealth.State.READY);
            assertThat(b.chat(greedy(1).build(), CallContext.create()).usage().completionTokens())
                    .isEqualTo(1);
        }
    }

    @Test
    void concurrentCalls_onOneBackend_eachGetTheSequentialAnswer() throws Exception {
        ChatRequest a = greedy(16).build();
        ChatRequest b = ChatRequest.builder()
                .addUserMessage("another prompt")
                .maxTokens(16)
                .temperature(0)
                .build();
        String expectedA = backend.chat(a, CallContext.create()).text();
        String expectedB = backend.chat(b, CallContext.create()).text();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ChatRequest r = i % 2 == 0 ? a : b;
                results.add(
                        pool.submit(() -> backend.chat(r, CallContext.create()).text()));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(i % 2 == 0 ? expectedA : expectedB);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closedBackend_isUnavailable() {
        LocalChatBackend b = LocalChatBackend.builder().modelDirectory(model).build();
        b.close();
        b.close();
        assertThat(b.health().state()).isEqualTo(BackendHealth.State.UNAVAILABLE);
        assertThatThrownBy(() -> b.chat(greedy(1).build(), CallContext.create()))
                .isInstanceOf(ModelNotAvailableException.class);
    }

    private static Path copyModel(String name) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        try (var files = Files.list(model)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }
}
