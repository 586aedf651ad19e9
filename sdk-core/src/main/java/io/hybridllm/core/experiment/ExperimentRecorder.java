package io.hybridllm.core.experiment;

/**
 * Receives one {@link ExperimentRecord} per call of an experiment (after its shadow run, if any). Called from the
 * caller's thread or the client's executor, possibly concurrently: implementations must be thread-safe and quick. An
 * exception thrown here is logged and never fails the call.
 */
@FunctionalInterface
public interface ExperimentRecorder {
    void record(ExperimentRecord record);
}
