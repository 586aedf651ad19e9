package io.hybridllm.cli;

import io.hybridllm.core.privacy.PiiClass;
import io.hybridllm.core.privacy.PrivacyItem;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Accumulates span-level, record-level and secret-fixture metrics over records. Not thread-safe. */
final class PiiEvaluation {
    /** A gold span: data label, its class (null when not scored), offsets. */
    record Gold(String label, PiiClass cls, int start, int end) {}

    static final class Counts {
        int tp;
        int fp;
        int goldHit;
        int gold;

        double precision() {
            return tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
        }

        double recall() {
            return gold == 0 ? Double.NaN : (double) goldHit / gold;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return Double.isNaN(p) || Double.isNaN(r) || p + r == 0 ? Double.NaN : 2 * p * r / (p + r);
        }
    }

    final Map<PiiClass, Counts> byClass = new EnumMap<>(PiiClass.class);
    final Map<String, Counts> byGoldLabel = new TreeMap<>();
    final Map<String, Counts> byPredictedType = new TreeMap<>();
    int spanRecords;
    int recordsWithBlockingSpan;
    int leaks;
    int recordsWithoutSpans;
    int falseBlocks;
    int secretPositives;
    int secretHits;
    int secretNegatives;
    int secretFalseAlarms;
    final Map<String, int[]> secretByDetector = new TreeMap<>();

    private Counts cls(PiiClass c) {
        return byClass.computeIfAbsent(c, k -> new Counts());
    }

    /**
     * Scores one span-labelled record. {@code onlyClasses} (nullable) restricts which predictions count, for
     * recognizer cases that label only their checked types.
     */
    void spanRecord(List<Gold> gold, List<PrivacyItem> predicted, Set<PiiClass> onlyClasses) {
        spanRecords++;
        List<PrivacyItem> preds = onlyClasses == null
                ? predicted
                : predicted.stream()
                        .filter(p -> onlyClasses.contains(p.piiClass()))
                        .toList();
        for (Gold g : gold) {
            if (g.cls() == null) {
                continue;
            }
            boolean hit = preds.stream().anyMatch(p -> p.piiClass() == g.cls() && overlaps(p, g));
            Counts c = cls(g.cls());
            c.gold++;
            Counts l = byGoldLabel.computeIfAbsent(g.label(), k -> new Counts());
            l.gold++;
            if (hit) {
                c.goldHit++;
                l.goldHit++;
            }
        }
        for (PrivacyItem p : preds) {
            boolean right = gold.stream().anyMatch(g -> g.cls() == p.piiClass() && overlaps(p, g));
            if (!right) {
                boolean onUnscored = gold.stream().anyMatch(g -> g.cls() == null && overlaps(p, g));
                if (onUnscored) {
                    continue;
                }
            }
            Counts c = cls(p.piiClass());
            Counts t = byPredictedType.computeIfAbsent(p.type(), k -> new Counts());
            if (right) {
                c.tp++;
                t.tp++;
            } else {
                c.fp++;
                t.fp++;
            }
        }
        boolean blockingGold = gold.stream().anyMatch(g -> g.cls() != null && PiiLabels.blocking(g.cls()));
        // A leak needs the request to get out: any blocking item keeps it local, whatever type the row checks.
        boolean anyBlockingFound = predicted.stream().anyMatch(p -> PiiLabels.blocking(p.piiClass()));
        boolean blockingFound = preds.stream().anyMatch(p -> PiiLabels.blocking(p.piiClass()));
        if (blockingGold) {
            recordsWithBlockingSpan++;
            if (!anyBlockingFound) {
                leaks++;
            }
        }
        if (gold.isEmpty()) {
            recordsWithoutSpans++;
            if (blockingFound) {
                falseBlocks++;
            }
        }
    }

    /** Scores one secret fixture: positive when any SECRET item was found. */
    void secretRecord(boolean hasSecret, String detector, List<PrivacyItem> predicted) {
        boolean found = predicted.stream().anyMatch(p -> p.piiClass() == PiiClass.SECRET);
        int[] d = secretByDetector.computeIfAbsent(detector, k -> new int[4]);
        if (hasSecret) {
            secretPositives++;
            d[0]++;
            if (found) {
                secretHits++;
                d[1]++;
            }
        } else {
            secretNegatives++;
            d[2]++;
            if (found) {
                secretFalseAlarms++;
                d[3]++;
            }
        }
    }

    private static boolean overlaps(PrivacyItem p, Gold g) {
        return p.start() < g.end() && g.start() < p.end();
    }
}
