package io.hybridllm.remote.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonIOException;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.hybridllm.core.ChatRequest;
import io.hybridllm.core.ChatResponse;
import io.hybridllm.core.ChatStream;
import io.hybridllm.core.errors.HybridException;
import io.hybridllm.core.errors.MalformedResponseException;
import io.hybridllm.core.spi.CallContext;
import io.hybridllm.remote.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;

/** Runs chat calls against the configured endpoints: retries, failover, decoding. Thread-safe. */
public final class RemoteCaller {
    private final OkHttpClient client;
    private final List<Endpoint> endpoints;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final RequestEncoder encoder;
    private final List<Map.Entry<String, String>> headers;
    private final Duration defaultTimeout;

    public RemoteCaller(
            OkHttpClient client,
            List<Endpoint> endpoints,
            RetryPolicy retryPolicy,
            Sleeper sleeper,
            Clock clock,
            RequestEncoder encoder,
            List<Map.Entry<String, String>> headers,
            Duration defaultTimeout) {
        this.client = client;
        this.endpoints = List.copyOf(endpoints);
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.encoder = encoder;
        this.headers = List.copyOf(headers);
        this.defaultTimeout = defaultTimeout;
    }

    public ChatResponse chat(ChatRequest request, CallContext context) {
        Exchange exchange = new Exchange(this, request, context, false, timeout(request, context));
        Exchange.Opened opened = exchange.open();
        while (true) {
            try (Exchange.Opened o = opened) {
                return readResponse(exchange, o);
            } catch (HybridException failure) {
                if (!failure.isRetryable()) {
                    exchange.recordFailure(opened.endpoint(), failure);
                    throw failure;
                }
                opened = exchange.reopenAfter(opened, failure);
            }
        }
    }

    public ChatStream stream(ChatRequest request, CallContext context) {
        Exchange exchange = new Exchange(this, request, context, true, timeout(request, context));
        Exchange.Opened opened = exchange.open();
        MediaType type = opened.response().body().contentType();
        if (type != null && "json".equals(type.subtype())) {
            // the server ignored stream=true and sent a whole response: replay it as a stream
            try (Exchange.Opened o = opened) {
                return ChatStream.ofResponse(readResponse(exchange, o));
            }
        }
        SseChunkIterator chunks = new SseChunkIterator(exchange, opened);
        return ChatStream.of(chunks, chunks::close);
    }

    private ChatResponse readResponse(Exchange exchange, Exchange.Opened opened) {
        Endpoint endpoint = opened.endpoint();
        ResponseBody body = opened.response().body();
        JsonElement root;
        try {
            root = JsonParser.parseReader(body.charStream());
        } catch (JsonIOException e) {
            if (e.getCause() instanceof IOException io) {
                if (exchange.isCancelled()) {
                    throw Exchange.cancelled(io);
                }
                throw endpoint.errors().fromIo(io, exchange.isDeadline(io));
            }
            throw new MalformedResponseException("unreadable response from " + endpoint.label(), e);
        } catch (JsonParseException e) {
            throw new MalformedResponseException("response from " + endpoint.label() + " is not valid JSON", e);
        }
        if (!root.isJsonObject()) {
            throw new MalformedResponseException("response from " + endpoint.label() + " is not a JSON object");
        }
        JsonObject object = root.getAsJsonObject();
        JsonElement error = Json.member(object, "error");
        if (error != null) {
            throw endpoint.errors().fromErrorObject(error, requestId(opened));
        }
        try {
            return ResponseDecoder.response(object, endpoint.label());
        } catch (HybridException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedResponseException("response from " + endpoint.label() + " has an unexpected shape", e);
        }
    }

    static String requestId(Exchange.Opened opened) {
        return opened.response().header("x-request-id");
    }

    private Duration timeout(ChatRequest request, CallContext context) {
        return request.timeout().or(context::timeout).orElse(defaultTimeout);
    }

    OkHttpClient client() {
        return client;
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    Clock clock() {
        return clock;
    }

    RequestEncoder encoder() {
        return encoder;
    }

    List<Map.Entry<String, String>> headers() {
        return headers;
    }
}
