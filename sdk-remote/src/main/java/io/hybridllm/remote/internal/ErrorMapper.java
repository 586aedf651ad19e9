package io.hybridllm.remote.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.hybridllm.core.errors.AuthenticationException;
import io.hybridllm.core.errors.BadRequestException;
import io.hybridllm.core.errors.ConflictException;
import io.hybridllm.core.errors.ConnectivityException;
import io.hybridllm.core.errors.HybridException;
import io.hybridllm.core.errors.NotFoundException;
import io.hybridllm.core.errors.PermissionDeniedException;
import io.hybridllm.core.errors.RateLimitedException;
import io.hybridllm.core.errors.RemoteServiceException;
import io.hybridllm.core.errors.RequestTimeoutException;
import io.hybridllm.core.errors.ServerErrorException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;
import okhttp3.Headers;

/**
 * Maps HTTP statuses, error bodies, in-stream error objects and I/O failures to the SDK's exception tree. Every
 * message names the endpoint, never the API key: the server's own text is scrubbed of the key before use.
 */
public final class ErrorMapper {
    private static final int MAX_SERVER_MESSAGE = 500;

    private final String endpoint;
    private final String secret;

    /**
     * @param endpoint the endpoint's label for messages, e.g. {@code "remote:api.example.com"}
     * @param secret the API key to scrub from server text; may be empty
     */
    public ErrorMapper(String endpoint, String secret) {
        this.endpoint = endpoint;
        this.secret = secret == null ? "" : secret;
    }

    /** The exception for an HTTP error status with its (possibly empty or non-JSON) body. */
    public HybridException fromStatus(int status, Headers headers, String body) {
        ErrorBody error = parseBody(body);
        String requestId = requestId(headers);
        Duration retryAfter = RetryPolicy.retryAfter(headers);
        return forStatus(status, error, requestId, retryAfter);
    }

    /**
     * The exception for an error object sent inside a 200 response or an event stream. An HTTP-like numeric
     * {@code code} (as some gateways send) picks the class; otherwise the error {@code type} or {@code code} does.
     */
    public HybridException fromErrorObject(JsonElement errorElement, String requestId) {
        ErrorBody error = fromErrorElement(errorElement);
        int status = statusFor(error);
        return forStatus(status, error, requestId, null);
    }

    /** The exception for an I/O failure; {@code deadlineHit} tells a whole-call timeout from a read timeout. */
    public HybridException fromIo(IOException e, boolean deadlineHit) {
        String what = describe(e);
        if (deadlineHit) {
            return new RequestTimeoutException("call to " + endpoint + " exceeded its whole-call timeout", e);
        }
        if (isConnectFailure(e)) {
            return new ConnectivityException("cannot reach " + endpoint + ": " + what, e);
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return new RequestTimeoutException("call to " + endpoint + " timed out: " + what, e);
        }
        return new ConnectivityException("connection to " + endpoint + " failed: " + what, e);
    }

    /** Whether an I/O failure means the server was never reached: no network, DNS, refused, unroutable, TLS. */
    public static boolean isConnectFailure(IOException e) {
        if (e instanceof UnknownHostException
                || e instanceof ConnectException
                || e instanceof NoRouteToHostException
                || e instanceof PortUnreachableException
                || e instanceof SSLException) {
            return true;
        }
        if (e instanceof SocketTimeoutException) {
            String m = e.getMessage();
            return m != null && m.toLowerCase(Locale.ROOT).contains("connect");
        }
        if (e instanceof SocketException && !(e.getCause() instanceof IOException)) {
            String m = e.getMessage();
            return m != null && m.toLowerCase(Locale.ROOT).contains("network is unreachable");
        }
        return false;
    }

    private String describe(IOException e) {
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName();
        return scrub(m == null || m.isBlank() ? kind : kind + " (" + m + ")");
    }

    private HybridException forStatus(int status, ErrorBody error, String requestId, Duration retryAfter) {
        String serverMessage = error.message == null ? null : scrub(truncate(error.message));
        String code = error.code == null ? null : scrub(error.code);
        StringBuilder message = new StringBuilder();
        message.append(label(status));
        if (status > 0) {
            message.append(" (HTTP ").append(status).append(')');
        }
        message.append(" from ").append(endpoint);
        if (serverMessage != null) {
            message.append(": ").append(serverMessage);
        }
        if (code != null) {
            message.append(" [code=").append(code).append(']');
        }
        if (requestId != null) {
            message.append(" [request id=").append(requestId).append(']');
        }
        String text = message.toString();
        switch (status) {
            case 400:
            case 422:
                return new BadRequestException(text, status, code, requestId, serverMessage);
            case 401:
                return new AuthenticationException(text, status, code, requestId, serverMessage);
            case 403:
                return new PermissionDeniedException(text, status, code, requestId, serverMessage);
            case 404:
                return new NotFoundException(text, status, code, requestId, serverMessage);
            case 408:
                return new RequestTimeoutException(text);
            case 409:
                return new ConflictException(text, status, code, requestId, serverMessage);
            case 429:
                return new RateLimitedException(text, status, code, requestId, serverMessage, retryAfter);
            default:
                if (status >= 500 || status == 0 && error.serverSide) {
                    return new ServerErrorException(text, status, code, requestId, serverMessage);
                }
                return new RemoteServiceException(text, status, code, requestId, serverMessage, false);
        }
    }

    private static String label(int status) {
        switch (status) {
            case 400:
            case 422:
                return "bad request";
            case 401:
                return "authentication failed";
            case 403:
                return "permission denied";
            case 404:
                return "not found";
            case 408:
                return "request timeout";
            case 409:
                return "conflict";
            case 429:
                return "rate limited";
            case 0:
                return "error in response";
            default:
                return status >= 500 ? "server error" : "request failed";
        }
    }

    private static int statusFor(ErrorBody error) {
        if (error.numericCode >= 400 && error.numericCode <= 599) {
            return error.numericCode;
        }
        String key = ((error.type == null ? "" : error.type) + " " + (error.code == null ? "" : error.code))
                .toLowerCase(Locale.ROOT);
        if (key.contains("rate_limit") || key.contains("insufficient_quota")) {
            return 429;
        }
        if (key.contains("invalid_api_key") || key.contains("authentication")) {
            return 401;
        }
        if (key.contains("permission")) {
            return 403;
        }
        if (key.contains("not_found")) {
            return 404;
        }
        if (key.contains("invalid_request") || key.contains("context_length")) {
            return 400;
        }
        if (key.contains("server_error") || key.contains("internal") || key.contains("overloaded")) {
            return 500;
        }
        return 0;
    }

    private static String requestId(Headers headers) {
        if (headers == null) {
            return null;
        }
        for (String name : new String[] {"x-request-id", "request-id", "openai-request-id", "x-amzn-requestid"}) {
            String value = headers.get(name);
            if (value != null && !value.isBlank()) {
                return value.length() > 200 ? value.substring(0, 200) : value;
            }
        }
        return null;
    }

    private String scrub(String text) {
        if (secret.isEmpty() || text == null) {
            return text;
        }
        return text.replace(secret, "[redacted]");
    }

    private static String truncate(String text) {
        return text.length() > MAX_SERVER_MESSAGE ? text.substring(0, MAX_SERVER_MESSAGE) + "..." : text;
    }

    private static ErrorBody parseBody(String body) {
        if (body == null || body.isBlank()) {
            return new ErrorBody();
        }
        try {
            JsonElement root = JsonParser.parseString(body);
            if (root.isJsonObject()) {
                JsonObject object = root.getAsJsonObject();
                if (object.has("error")) {
                    return fromErrorElement(object.get("error"));
                }
                ErrorBody e = fromErrorElement(object);
                if (e.message == null && object.has("detail")) {
                    e.message = Json.text(object.get("detail"));
                }
                return e;
            }
        } catch (RuntimeException notJson) {
            // a plain-text or HTML error page: keep its text
        }
        ErrorBody e = new ErrorBody();
        e.message = body.strip();
        return e;
    }

    private static ErrorBody fromErrorElement(JsonElement element) {
        ErrorBody e = new ErrorBody();
        if (element == null || element.isJsonNull()) {
            return e;
        }
        if (element.isJsonPrimitive()) {
            e.message = element.getAsString();
            return e;
        }
        if (!element.isJsonObject()) {
            e.message = element.toString();
            return e;
        }
        JsonObject o = element.getAsJsonObject();
        e.message = Json.string(o, "message");
        e.type = Json.string(o, "type");
        JsonElement code = o.get("code");
        if (code != null && !code.isJsonNull() && code.isJsonPrimitive()) {
            e.code = code.getAsString();
            if (code.getAsJsonPrimitive().isNumber()) {
                e.numericCode = code.getAsInt();
            } else if (e.code.matches("[45]\\d\\d")) {
                e.numericCode = Integer.parseInt(e.code);
            }
        }
        e.serverSide = e.type != null && e.type.toLowerCase(Locale.ROOT).contains("server");
        return e;
    }

    private static final class ErrorBody {
        String message;
        String type;
        String code;
        int numericCode;
        boolean serverSide;
    }
}
