package io.hybridllm.core.scoring;

/**
 * A capability a request needs regardless of its complexity. A backend that lacks it cannot serve the request, so
 * these are reported apart from the complexity score.
 */
public enum CapabilityNeed {
    /** The request offers tools (function calling). */
    TOOLS,
    /** The request asks for JSON matching a schema. */
    JSON_SCHEMA,
    /** A message carries images. */
    IMAGES
}
