package io.hybridllm.local.internal;

import io.hybridllm.local.internal.OnnxGraphBuilder.Attr;

/**
 * Writes a llama2.c transformer as a standard ONNX decoder with a KV cache, in the input/output naming of Hugging Face
 * Optimum exports: inputs {@code input_ids}, {@code attention_mask}, {@code position_ids},
 * {@code past_key_values.{i}.key|value}; outputs {@code logits}, {@code present.{i}.key|value}. Opset-17 operators
 * plus ONNX Runtime's {@code com.microsoft.MultiHeadAttention} (fused causal attention with the KV cache), which cuts
 * the per-token operator count roughly in half. Rotary embeddings rotate adjacent pairs, as llama2.c does; the
 * rotation is folded into extra columns of the q/k projection so that {@code rope(x) = x*cos + rot(x)*sin} rounds
 * exactly like llama2.c's {@code v0*cos - v1*sin}.
 */
public final class Llama2cGraph {
    private Llama2cGraph() {}

    /** The weights of a llama2.c checkpoint, each matrix in llama2.c's {@code [out, in]} row-major layout. */
    public record Weights(
            int dim,
            int hiddenDim,
            int layers,
            int heads,
            int kvHeads,
            int vocab,
            int seqLen,
            float[] tokenEmbedding,
            float[][] rmsAtt,
            float[][] wq,
            float[][] wk,
            float[][] wv,
            float[][] wo,
            float[][] rmsFfn,
            float[][] w1,
            float[][] w2,
            float[][] w3,
            float[] rmsFinal,
            float[] classifier) {}

    /** Serializes the ONNX model for {@code w}. */
    public static byte[] build(Weights w) {
        if (w.kvHeads() != w.heads()) {
            throw new IllegalArgumentException("grouped-query attention (n_kv_heads " + w.kvHeads() + " != n_heads "
                    + w.heads() + ") is not supported by this converter");
        }
        int dim = w.dim();
        int heads = w.heads();
        int hd = dim / heads;
        int half = hd / 2;
        OnnxGraphBuilder g = new OnnxGraphBuilder();
        g.input("input_ids", OnnxGraphBuilder.INT64, "batch_size", "sequence_length");
        g.input("attention_mask", OnnxGraphBuilder.INT64, "batch_size", "total_sequence_length");
        g.input("position_ids", OnnxGraphBuilder.INT64, "batch_size", "sequence_length");
        for (int l = 0; l < w.layers(); l++) {
            g.input(
                    "past_key_values." + l + ".key",
                    OnnxGraphBuilder.FLOAT,
                    "batch_size",
                    heads,
                    "past_sequence_length",
                    hd);
            g.input(
                    "past_key_values." + l + ".value",
                    OnnxGraphBuilder.FLOAT,
                    "batch_size",
                    heads,
                    "past_sequence_length",
                    hd);
        }
        g.output("logits", OnnxGraphBuilder.FLOAT, "batch_size", "sequence_length", w.vocab());
        for (int l = 0; l < w.layers(); l++) {
            g.output("present." + l + ".key", OnnxGraphBuilder.FLOAT, "batch_size", heads, "total_sequence_length", hd);
            g.output(
                    "present." + l + ".value",
                    OnnxGraphBuilder.FLOAT,
                    "batch_size",
                    heads,
                    "total_sequence_length",
                    hd);
        }

        // Rotary tables exactly as llama2.c computes them (float arithmetic, adjacent pairs), expanded to the full
        // width so that rope(x) = x * cos + rot(x) * sin, where rot(x)[2i] = -x[2i+1], rot(x)[2i+1] = x[2i].
        float[] cos = new float[w.seqLen() * dim];
        float[] sin = new float[w.seqLen() * dim];
        for (int pos = 0; pos < w.seqLen(); pos++) {
            for (int i = 0; i < dim; i += 2) {
                int j = i % hd;
                float freq = 1.0f / (float) Math.pow(10000.0f, j / (float) hd);
                float val = pos * freq;
                float c = (float) Math.cos(val);
                float sn = (float) Math.sin(val);
                cos[pos * dim + i] = c;
                cos[pos * dim + i + 1] = c;
                sin[pos * dim + i] = sn;
                sin[pos * dim + i + 1] = sn;
            }
        }
        g.floats("rope_cos", cos, w.seqLen(), dim);
        g.floats("rope_sin", sin, w.seqLen(), dim);
        g.longs("split_qkv", new long[] {dim, dim, dim, dim, dim}, 5);
        g.longs("split_ffn", new long[] {w.hiddenDim(), w.hiddenDim()}, 2);
        g.floats("c_eps", new float[] {1e-5f});

        // attention_mask is accepted for compatibility with Optimum exports; the engine runs one unpadded sequence,
        // and MultiHeadAttention masks causally from the past length.
        String cosPos = g.op("Gather", new String[] {"rope_cos", "position_ids"}, Attr.i("axis", 0));
        String sinPos = g.op("Gather", new String[] {"rope_sin", "position_ids"}, Attr.i("axis", 0));

        String x = g.op(
                "Gather",
                new String[] {g.floats("tok_embeddings", w.tokenEmbedding(), w.vocab(), dim), "input_ids"},
                Attr.i("axis", 0));
        for (int l = 0; l < w.layers(); l++) {
            String p = "layers." + l + ".";
            String xn = rmsNorm(g, x, g.floats(p + "attention_norm", w.rmsAtt()[l], dim));
            // One MatMul for q, rot(q), k, rot(k), v: rot() is folded into copies of the q/k weights.
            float[] wqT = transpose(w.wq()[l], dim, dim);
            float[] wkT = transpose(w.wk()[l], dim, dim);
            float[] wvT = transpose(w.wv()[l], dim, dim);
            float[] qkv =
                    concatColumns(dim, dim, wqT, rotateColumns(wqT, dim, dim), wkT, rotateColumns(wkT, dim, dim), wvT);
            String proj = g.op("MatMul", new String[] {xn, g.floats(p + "wqkv", qkv, dim, 5L * dim)});
            String[] parts = {g.fresh("q"), g.fresh("qr"), g.fresh("k"), g.fresh("kr"), g.fresh("v")};
            g.node("Split", new String[] {proj, "split_qkv"}, parts, Attr.i("axis", -1));
            String ropeQ = rope(g, parts[0], parts[1], cosPos, sinPos);
            String ropeK = rope(g, parts[2], parts[3], cosPos, sinPos);
            String presentK = "present." + l + ".key";
            String presentV = "present." + l + ".value";
            String merged = g.fresh("attn");
            // ONNX Runtime's fused causal attention with a KV cache (contrib op): appends k/v to the past, masks
            // future positions, softmax(q k^T / sqrt(hd)) v, heads merged back to [B, S, dim].
            g.node(
                    "com.microsoft",
                    "MultiHeadAttention",
                    new String[] {
                        ropeQ,
                        ropeK,
                        parts[4],
                        "",
                        "",
                        "",
                        "past_key_values." + l + ".key",
                        "past_key_values." + l + ".value"
                    },
                    new String[] {merged, presentK, presentV},
                    Attr.i("num_heads", heads),
                    Attr.i("unidirectional", 1),
                    Attr.f("scale", (float) (1.0 / Math.sqrt(hd))));
            String o =
                    g.op("MatMul", new String[] {merged, g.floats(p + "wo", transpose(w.wo()[l], dim, dim), dim, dim)});
            x = g.op("Add", new String[] {x, o});

            String xf = rmsNorm(g, x, g.floats(p + "ffn_norm", w.rmsFfn()[l], dim));
            int hid = w.hiddenDim();
            float[] w13 = concatColumns(dim, hid, transpose(w.w1()[l], hid, dim), transpose(w.w3()[l], hid, dim));
            String h13 = g.op("MatMul", new String[] {xf, g.floats(p + "w13", w13, dim, 2L * hid)});
            String h1 = g.fresh("h1");
            String h3 = g.fresh("h3");
            g.node("Split", new String[] {h13, "split_ffn"}, new String[] {h1, h3}, Attr.i("axis", -1));
            String silu = g.op("Mul", new String[] {h1, g.op("Sigmoid", new String[] {h1})});
            String h = g.op("Mul", new String[] {silu, h3});
            String f = g.op("MatMul", new String[] {h, g.floats(p + "w2", transpose(w.w2()[l], dim, hid), hid, dim)});
            x = g.op("Add", new String[] {x, f});
        }
        String xn = rmsNorm(g, x, g.floats("norm", w.rmsFinal(), dim));
        g.node(
                "MatMul",
                new String[] {xn, g.floats("output", transpose(w.classifier(), w.vocab(), dim), dim, w.vocab())},
                new String[] {"logits"});
        return g.toByteArray("llama2c", "hybridllm-convert-llama2c");
    }

    /** {@code w * (x / sqrt(mean(x^2) + eps))}, the order of operations llama2.c uses. */
    private static String rmsNorm(OnnxGraphBuilder g, String x, String weight) {
        String ms = g.op(
                "ReduceMean",
                new String[] {g.op("Mul", new String[] {x, x})},
                Attr.ints("axes", -1),
                Attr.i("keepdims", 1));
        String inv =
                g.op("Reciprocal", new String[] {g.op("Sqrt", new String[] {g.op("Add", new String[] {ms, "c_eps"})})});
        return g.op("Mul", new String[] {g.op("Mul", new String[] {x, inv}), weight});
    }

    /** {@code x * cos + rot(x) * sin}: llama2.c's {@code v0*cos - v1*sin, v0*sin + v1*cos} on adjacent pairs. */
    private static String rope(OnnxGraphBuilder g, String x, String xRot, String cos, String sin) {
        return g.op("Add", new String[] {g.op("Mul", new String[] {x, cos}), g.op("Mul", new String[] {xRot, sin})});
    }

    /** The columns of {@code [rows, cols]} {@code m} rotated: {@code out[:,2i] = -m[:,2i+1], out[:,2i+1] = m[:,2i]}. */
    static float[] rotateColumns(float[] m, int rows, int cols) {
        float[] out = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c += 2) {
                out[r * cols + c] = -m[r * cols + c + 1];
                out[r * cols + c + 1] = m[r * cols + c];
            }
        }
        return out;
    }

    /** Places {@code [rows, cols]} matrices side by side. */
    static float[] concatColumns(int rows, int cols, float[]... parts) {
        int width = cols * parts.length;
        float[] out = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < parts.length; k++) {
                System.arraycopy(parts[k], r * cols, out, r * width + k * cols, cols);
            }
        }
        return out;
    }

    /** {@code [rows, cols]} row-major to {@code [cols, rows]}. */
    static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }
}
