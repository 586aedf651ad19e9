/**
 * Implementation of the remote backend: wire encoding and decoding (Gson trees, never public), the event-stream
 * reader, error mapping, retry policy, circuit breaker and the attempt loop across endpoints. Not API.
 */
package io.hybridllm.remote.internal;
