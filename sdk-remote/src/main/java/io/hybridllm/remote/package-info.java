/**
 * The client for OpenAI-compatible chat-completions endpoints: {@link io.hybridllm.remote.OpenAiCompatibleBackend}
 * with retries, failover across {@link io.hybridllm.remote.RemoteEndpoint}s and a circuit breaker per endpoint.
 */
package io.hybridllm.remote;
