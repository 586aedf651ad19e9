/**
 * A/B experiments of the local model against the remote endpoint: sticky assignment of units to arms ({@link
 * io.hybridllm.core.experiment.Experiment}), one record per call ({@link io.hybridllm.core.experiment.ExperimentRecord})
 * with optional shadow runs on the other arm, and where records go ({@link
 * io.hybridllm.core.experiment.ExperimentRecorder}). Enable with {@code HybridClient.Builder.experiment(...)}.
 */
package io.hybridllm.core.experiment;
