package io.hybridllm.core.complexity.internal;

import io.hybridllm.core.errors.ConfigurationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The weights of the learned complexity layer: one {@link ModelSegment} per prompt family of {@link
 * PromptFeatures#SEGMENTS}. Stored as a small line-oriented text file:
 *
 * <pre>
 * # comment
 * format 2
 * segment choice                   (starts a family's block)
 * bias -1.25
 * feature length 4.1 1.2 0.31      (name, mean, scale, weight: contribution = weight * (x - mean) / scale)
 * term integral 0.42               (term, weight: contribution = weight when the term occurs)
 * segment math
 * ...
 * </pre>
 */
public final class ComplexityModel {
    private final List<ModelSegment> segments;

    public ComplexityModel(List<ModelSegment> segments) {
        if (segments.size() != PromptFeatures.SEGMENTS.size()) {
            throw new IllegalArgumentException("expected segments " + PromptFeatures.SEGMENTS);
        }
        this.segments = List.copyOf(segments);
    }

    /** The weights of family {@code index} of {@link PromptFeatures#SEGMENTS}. */
    public ModelSegment segment(int index) {
        return segments.get(index);
    }

    /** Total vocabulary terms over all families. */
    public int termCount() {
        return segments.stream().mapToInt(ModelSegment::termCount).sum();
    }

    /** Parses the text format; throws {@link ConfigurationException} on a malformed file. */
    public static ComplexityModel parse(Reader in, String origin) {
        ModelSegment[] done = new ModelSegment[PromptFeatures.SEGMENTS.size()];
        Block block = null;
        boolean format = false;
        int lineNo = 0;
        try (BufferedReader r = new BufferedReader(in)) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" ");
                if (f[0].equals("format")) {
                    expect(f, 2, origin, lineNo);
                    if (!f[1].equals("2")) {
                        throw new ConfigurationException(origin + ": unsupported format " + f[1]);
                    }
                    format = true;
                    continue;
                }
                if (!format) {
                    throw new ConfigurationException(origin + ":" + lineNo + ": expected 'format 2' first");
                }
                if (f[0].equals("segment")) {
                    expect(f, 2, origin, lineNo);
                    int s = PromptFeatures.SEGMENTS.indexOf(f[1]);
                    if (s < 0 || done[s] != null || (block != null && block.index == s)) {
                        throw new ConfigurationException(origin + ":" + lineNo + ": bad or repeated segment " + f[1]);
                    }
                    if (block != null) {
                        done[block.index] = block.build(origin);
                    }
                    block = new Block(s);
                    continue;
                }
                if (block == null) {
                    throw new ConfigurationException(origin + ":" + lineNo + ": expected 'segment NAME'");
                }
                switch (f[0]) {
                    case "bias" -> {
                        expect(f, 2, origin, lineNo);
                        block.bias = number(f[1], origin, lineNo);
                    }
                    case "feature" -> {
                        expect(f, 5, origin, lineNo);
                        int i = PromptFeatures.NAMES.indexOf(f[1]);
                        if (i < 0) {
                            throw new ConfigurationException(origin + ":" + lineNo + ": unknown feature " + f[1]);
                        }
                        block.mean[i] = number(f[2], origin, lineNo);
                        block.scale[i] = number(f[3], origin, lineNo);
                        block.weight[i] = number(f[4], origin, lineNo);
                        if (!(block.scale[i] > 0)) {
                            throw new ConfigurationException(origin + ":" + lineNo + ": scale must be > 0");
                        }
                        block.seen[i] = true;
                    }
                    case "term" -> {
                        expect(f, 3, origin, lineNo);
                        block.terms.add(f[1]);
                        block.termWeights.add(number(f[2], origin, lineNo));
                    }
                    default -> throw new ConfigurationException(origin + ":" + lineNo + ": unknown entry " + f[0]);
                }
            }
        } catch (IOException e) {
            throw new ConfigurationException("cannot read complexity model " + origin, e);
        }
        if (block != null) {
            done[block.index] = block.build(origin);
        }
        for (int s = 0; s < done.length; s++) {
            if (done[s] == null) {
                throw new ConfigurationException(origin + ": missing segment " + PromptFeatures.SEGMENTS.get(s));
            }
        }
        return new ComplexityModel(Arrays.asList(done));
    }

    /** The text form that {@link #parse} reads; numbers are written with 6 significant digits. */
    public String write(String header) {
        StringBuilder sb = new StringBuilder();
        for (String h : header.split("\n")) {
            sb.append("# ").append(h).append('\n');
        }
        sb.append("format 2\n");
        for (int s = 0; s < segments.size(); s++) {
            ModelSegment m = segments.get(s);
            sb.append("segment ").append(PromptFeatures.SEGMENTS.get(s)).append('\n');
            sb.append("bias ").append(fmt(m.bias())).append('\n');
            for (int i = 0; i < PromptFeatures.COUNT; i++) {
                sb.append("feature ")
                        .append(PromptFeatures.NAMES.get(i))
                        .append(' ')
                        .append(fmt(m.mean(i)))
                        .append(' ')
                        .append(fmt(m.scale(i)))
                        .append(' ')
                        .append(fmt(m.weight(i)))
                        .append('\n');
            }
            for (int i = 0; i < m.termCount(); i++) {
                sb.append("term ")
                        .append(m.term(i))
                        .append(' ')
                        .append(fmt(m.termWeight(i)))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    /** Rounds to what {@link #write} stores, so a trained model scores exactly like its reloaded file. */
    public static double round(double v) {
        return Double.parseDouble(fmt(v));
    }

    private static final class Block {
        final int index;
        double bias = Double.NaN;
        final double[] mean = new double[PromptFeatures.COUNT];
        final double[] scale = new double[PromptFeatures.COUNT];
        final double[] weight = new double[PromptFeatures.COUNT];
        final boolean[] seen = new boolean[PromptFeatures.COUNT];
        final List<String> terms = new ArrayList<>();
        final List<Double> termWeights = new ArrayList<>();

        Block(int index) {
            this.index = index;
        }

        ModelSegment build(String origin) {
            String name = PromptFeatures.SEGMENTS.get(index);
            if (Double.isNaN(bias)) {
                throw new ConfigurationException(origin + ": segment " + name + " has no bias");
            }
            for (int i = 0; i < seen.length; i++) {
                if (!seen[i]) {
                    throw new ConfigurationException(
                            origin + ": segment " + name + " misses feature " + PromptFeatures.NAMES.get(i));
                }
            }
            return new ModelSegment(
                    bias,
                    mean,
                    scale,
                    weight,
                    terms,
                    termWeights.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    private static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e") || !s.contains(".")) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        String r = s.substring(0, end);
        return r.equals("-0") ? "0" : r;
    }

    private static void expect(String[] f, int n, String origin, int lineNo) {
        if (f.length != n) {
            throw new ConfigurationException(origin + ":" + lineNo + ": expected " + n + " fields in '" + f[0] + "'");
        }
    }

    private static double number(String s, String origin, int lineNo) {
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException("not finite");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ConfigurationException(origin + ":" + lineNo + ": bad number " + s, e);
        }
    }
}
