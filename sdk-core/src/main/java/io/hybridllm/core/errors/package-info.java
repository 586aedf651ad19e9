/**
 * The one unchecked exception tree of the SDK, rooted at {@link io.hybridllm.core.errors.HybridException}.
 *
 * <ul>
 *   <li>{@link io.hybridllm.core.errors.BackendUnavailableException}: offline, unreachable, model absent.
 *   <li>{@link io.hybridllm.core.errors.RemoteServiceException}: the server said no (one subclass per status class).
 *   <li>{@link io.hybridllm.core.errors.LocalInferenceException}: the local engine failed or could not load.
 *   <li>{@link io.hybridllm.core.errors.PolicyViolationException}: the routing policy refused the request.
 * </ul>
 */
package io.hybridllm.core.errors;
