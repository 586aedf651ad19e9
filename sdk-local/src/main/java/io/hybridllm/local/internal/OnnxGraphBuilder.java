package io.hybridllm.local.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an ONNX {@code ModelProto} and serializes it with a minimal protobuf writer (only the fields a decoder graph
 * needs), so the converter has no protobuf or ONNX library dependency. Field numbers follow {@code onnx.proto3}.
 */
public final class OnnxGraphBuilder {
    /** ONNX {@code TensorProto.DataType} values used here. */
    public static final int FLOAT = 1;

    public static final int INT64 = 7;

    private static final int OPSET = 17;
    private static final int IR_VERSION = 8;

    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();
    private int counter;
    private final java.util.Set<String> domains = new java.util.TreeSet<>();

    /** A fresh unique value name with the given prefix. */
    public String fresh(String prefix) {
        return prefix + "_" + (counter++);
    }

    /** Declares a graph input; a {@code String} dim is symbolic, a {@code Long}/{@code Integer} is fixed. */
    public void input(String name, int elemType, Object... dims) {
        inputs.add(valueInfo(name, elemType, dims));
    }

    public void output(String name, int elemType, Object... dims) {
        outputs.add(valueInfo(name, elemType, dims));
    }

    /** Adds a float initializer with the given row-major data. */
    public String floats(String name, float[] data, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(data);
        initializers.add(tensor(name, FLOAT, dims, raw.array()));
        return name;
    }

    /** Adds an int64 initializer. */
    public String longs(String name, long[] data, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(data);
        initializers.add(tensor(name, INT64, dims, raw.array()));
        return name;
    }

    /** Adds a node with one output and returns that output's name. */
    public String op(String opType, String[] in, Attr... attrs) {
        String out = fresh(opType.toLowerCase(java.util.Locale.ROOT));
        node(opType, in, new String[] {out}, attrs);
        return out;
    }

    /** Adds a node with explicit output names. */
    public void node(String opType, String[] in, String[] out, Attr... attrs) {
        node("", opType, in, out, attrs);
    }

    /** Adds a node of an operator domain, e.g. {@code com.microsoft} (declared in the model's opset imports). */
    public void node(String domain, String opType, String[] in, String[] out, Attr... attrs) {
        if (!domain.isEmpty()) {
            domains.add(domain);
        }
        Proto p = new Proto();
        for (String s : in) {
            p.string(1, s);
        }
        for (String s : out) {
            p.string(2, s);
        }
        p.string(3, fresh("n_" + opType));
        p.string(4, opType);
        for (Attr a : attrs) {
            p.bytes(5, a.encode());
        }
        if (!domain.isEmpty()) {
            p.string(7, domain);
        }
        nodes.add(p.toByteArray());
    }

    /** Serializes the model. */
    public byte[] toByteArray(String graphName, String producer) {
        Proto graph = new Proto();
        for (byte[] n : nodes) {
            graph.bytes(1, n);
        }
        graph.string(2, graphName);
        for (byte[] t : initializers) {
            graph.bytes(5, t);
        }
        for (byte[] v : inputs) {
            graph.bytes(11, v);
        }
        for (byte[] v : outputs) {
            graph.bytes(12, v);
        }
        Proto opset = new Proto();
        opset.string(1, "");
        opset.varintField(2, OPSET);
        Proto model = new Proto();
        model.varintField(1, IR_VERSION);
        model.string(2, producer);
        model.bytes(7, graph.toByteArray());
        model.bytes(8, opset.toByteArray());
        for (String domain : domains) {
            Proto extra = new Proto();
            extra.string(1, domain);
            extra.varintField(2, 1);
            model.bytes(8, extra.toByteArray());
        }
        return model.toByteArray();
    }

    private static byte[] tensor(String name, int type, long[] dims, byte[] raw) {
        Proto t = new Proto();
        for (long d : dims) {
            t.varintField(1, d);
        }
        t.varintField(2, type);
        t.string(8, name);
        t.bytes(9, raw);
        return t.toByteArray();
    }

    private static byte[] valueInfo(String name, int elemType, Object[] dims) {
        Proto shape = new Proto();
        for (Object d : dims) {
            Proto dim = new Proto();
            if (d instanceof String s) {
                dim.string(2, s);
            } else {
                dim.varintField(1, ((Number) d).longValue());
            }
            shape.bytes(1, dim.toByteArray());
        }
        Proto tensorType = new Proto();
        tensorType.varintField(1, elemType);
        tensorType.bytes(2, shape.toByteArray());
        Proto type = new Proto();
        type.bytes(1, tensorType.toByteArray());
        Proto vi = new Proto();
        vi.string(1, name);
        vi.bytes(2, type.toByteArray());
        return vi.toByteArray();
    }

    /** A node attribute. */
    public static final class Attr {
        private final byte[] encoded;

        private Attr(byte[] encoded) {
            this.encoded = encoded;
        }

        byte[] encode() {
            return encoded;
        }

        public static Attr i(String name, long value) {
            Proto p = new Proto();
            p.string(1, name);
            p.varintField(3, value);
            p.varintField(20, 2);
            return new Attr(p.toByteArray());
        }

        public static Attr f(String name, float value) {
            Proto p = new Proto();
            p.string(1, name);
            p.fixed32Field(2, Float.floatToRawIntBits(value));
            p.varintField(20, 1);
            return new Attr(p.toByteArray());
        }

        public static Attr ints(String name, long... values) {
            Proto p = new Proto();
            p.string(1, name);
            for (long v : values) {
                p.varintField(8, v);
            }
            p.varintField(20, 7);
            return new Attr(p.toByteArray());
        }

        /** A tensor attribute (for {@code Constant} / {@code ConstantOfShape}). */
        public static Attr floatTensor(String name, float value) {
            ByteBuffer raw = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            raw.putFloat(value);
            Proto p = new Proto();
            p.string(1, name);
            p.bytes(5, tensor("value", FLOAT, new long[] {1}, raw.array()));
            p.varintField(20, 4);
            return new Attr(p.toByteArray());
        }
    }

    /** A tiny protobuf encoder: varints, length-delimited fields and fixed32. */
    static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void varintField(int field, long value) {
            varint(((long) field << 3));
            varint(value);
        }

        void fixed32Field(int field, int bits) {
            varint(((long) field << 3) | 5);
            out.write(bits & 0xff);
            out.write((bits >>> 8) & 0xff);
            out.write((bits >>> 16) & 0xff);
            out.write((bits >>> 24) & 0xff);
        }

        void string(int field, String s) {
            bytes(field, s.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(int field, byte[] b) {
            varint(((long) field << 3) | 2);
            varint(b.length);
            out.write(b, 0, b.length);
        }

        private void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
