/**
 * The client and its value types: {@link io.hybridllm.core.HybridClient}, {@link io.hybridllm.core.ChatRequest},
 * {@link io.hybridllm.core.ChatResponse}, {@link io.hybridllm.core.ChatStream}, and the
 * {@link io.hybridllm.core.Interceptor} and {@link io.hybridllm.core.HybridEventListener} hooks.
 *
 * <p>All value types are immutable and built with builders; accessors have no {@code get} prefix. Nothing here
 * depends on an HTTP, JSON or inference library.
 */
package io.hybridllm.core;
