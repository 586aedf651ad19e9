/**
 * The embedded local model: {@link io.hybridllm.local.LocalChatBackend} runs a decoder-only language model
 * in-process with ONNX Runtime; {@link io.hybridllm.local.LocalModels} finds, downloads and verifies models;
 * {@link io.hybridllm.local.Llama2cConverter} turns llama2.c checkpoints into the same standard model layout.
 */
package io.hybridllm.local;
