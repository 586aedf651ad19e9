package io.hybridllm.local.ner;

/**
 * How token predictions become entities; the same strategies as the {@code aggregation_strategy} of Hugging Face's
 * token-classification pipeline. In every strategy a {@code B-} label opens a new entity, and an {@code I-} label
 * (or the same plain label) of the same type continues it; an entity's score is the mean of its parts' scores.
 */
public enum Aggregation {
    /** Each sub-word token keeps its own label: a word can be split between two entities. */
    SIMPLE,
    /** A word takes the label (and score) of its first sub-word token. The default. */
    FIRST,
    /** A word takes the label with the highest probability averaged over its sub-word tokens. */
    AVERAGE,
    /** A word takes the label of its most confident sub-word token. */
    MAX
}
