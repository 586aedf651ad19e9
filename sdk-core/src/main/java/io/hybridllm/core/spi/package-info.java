/**
 * The backend SPI: {@link io.hybridllm.core.spi.ChatBackend} is implemented by the local engine ({@code sdk-local})
 * and the remote client ({@code sdk-remote}); {@link io.hybridllm.core.spi.CallContext} carries cancellation and
 * timeouts to them.
 */
package io.hybridllm.core.spi;
