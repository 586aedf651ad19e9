/**
 * An optional named-entity model for the privacy scanner: {@link io.hybridllm.local.ner.OnnxEntityTagger} runs a
 * Hugging Face token-classification export (e.g. dslim/bert-base-NER) with ONNX Runtime and reports persons,
 * places and other labelled entities as privacy items; {@link io.hybridllm.local.ner.NerLabelMapping} says which
 * label becomes which class. See docs/ner.md.
 */
package io.hybridllm.local.ner;
