/**
 * Request scoring: a {@link io.hybridllm.core.scoring.RequestScorer} produces a
 * {@link io.hybridllm.core.scoring.RequestAssessment} from a complexity scorer, a privacy scanner and the request's
 * capability needs.
 */
package io.hybridllm.core.scoring;
