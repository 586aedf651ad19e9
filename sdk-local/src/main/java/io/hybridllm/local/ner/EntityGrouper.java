package io.hybridllm.local.ner;

import io.hybridllm.core.privacy.PrivacyItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns per-token label probabilities into entity spans: per-word (or per-token) labels by the {@link Aggregation},
 * grouping of B/I runs, dropping {@code O}, low scores and unmapped labels, then mapping to privacy items. Adjacent
 * entities with different labels that map to the same fine type and are separated only by whitespace (e.g.
 * {@code FIRSTNAME} then {@code LASTNAME}) become one item. Immutable and thread-safe.
 */
final class EntityGrouper {
    private final String[] labels;
    private final boolean[] begins;
    private final String[] entities;
    private final Aggregation aggregation;
    private final double minScore;
    private final NerLabelMapping mapping;
    private final String detector;

    EntityGrouper(String[] labels, Aggregation aggregation, double minScore, NerLabelMapping mapping, String detector) {
        this.labels = labels.clone();
        this.begins = new boolean[labels.length];
        this.entities = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            begins[i] = Bio.begins(labels[i]);
            entities[i] = Bio.entityOf(labels[i]);
        }
        this.aggregation = aggregation;
        this.minScore = minScore;
        this.mapping = mapping;
        this.detector = detector;
    }

    /** Items for {@code text}, whose {@code n} tokens have the given spans, word indexes and label probabilities. */
    List<PrivacyItem> group(String text, int n, int[] starts, int[] ends, int[] words, float[][] probs) {
        List<Group> out = new ArrayList<>();
        Group current = null;
        int t = 0;
        while (t < n) {
            int last = t; // the unit is tokens [t, last]
            if (aggregation != Aggregation.SIMPLE) {
                while (last + 1 < n && words[last + 1] == words[t]) {
                    last++;
                }
            }
            int label;
            double score;
            switch (aggregation) {
                case SIMPLE, FIRST -> {
                    label = argmax(probs[t]);
                    score = probs[t][label];
                }
                case AVERAGE -> {
                    double[] mean = new double[labels.length];
                    for (int k = t; k <= last; k++) {
                        for (int l = 0; l < mean.length; l++) {
                            mean[l] += probs[k][l];
                        }
                    }
                    label = 0;
                    for (int l = 1; l < mean.length; l++) {
                        if (mean[l] > mean[label]) {
                            label = l;
                        }
                    }
                    score = mean[label] / (last - t + 1);
                }
                case MAX -> {
                    int best = t;
                    for (int k = t + 1; k <= last; k++) {
                        if (probs[k][argmax(probs[k])] > probs[best][argmax(probs[best])]) {
                            best = k;
                        }
                    }
                    label = argmax(probs[best]);
                    score = probs[best][label];
                }
                default -> throw new AssertionError(aggregation);
            }
            if (current != null && entities[label].equals(current.entity) && !begins[label]) {
                current.end = ends[last];
                current.sum += score;
                current.count++;
            } else {
                emit(current, text, out);
                current = new Group(entities[label], starts[t], ends[last], score);
            }
            t = last + 1;
        }
        emit(current, text, out);
        List<PrivacyItem> items = new ArrayList<>(out.size());
        for (Group g : out) {
            items.add(PrivacyItem.of(
                    g.target.type, g.target.piiClass, g.start, g.end, Math.min(1, g.sum / g.count), detector));
        }
        return items;
    }

    private void emit(Group g, String text, List<Group> out) {
        if (g == null || g.end <= g.start || Bio.isOutside(g.entity) || g.sum / g.count < minScore) {
            return;
        }
        g.target = mapping.target(g.entity);
        if (g.target == null) {
            return;
        }
        if (!out.isEmpty()) {
            Group prev = out.get(out.size() - 1);
            if (!prev.entity.equals(g.entity)
                    && prev.target.type.equals(g.target.type)
                    && prev.target.piiClass == g.target.piiClass
                    && text.substring(prev.end, g.start).isBlank()) {
                prev.end = g.end;
                prev.sum += g.sum;
                prev.count += g.count;
                return;
            }
        }
        out.add(g);
    }

    private static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /** An entity being built. */
    private static final class Group {
        final String entity;
        final int start;
        int end;
        double sum;
        int count;
        NerLabelMapping.Target target;

        Group(String entity, int start, int end, double score) {
            this.entity = entity;
            this.start = start;
            this.end = end;
            this.sum = score;
            this.count = 1;
        }
    }
}
