package io.hybridllm.core.experiment.internal;

import io.hybridllm.core.experiment.ExperimentRecord;
import io.hybridllm.core.routing.Route;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes the summary of one experiment from its records. Latency statistics are over successful calls (a failed
 * call's latency is a timeout or an early failure, not a service time). Deterministic for the same records (in any
 * order), seed and number of resamples.
 */
public final class ExperimentAnalysis {
    /** Flag a sample-ratio mismatch below this p-value. */
    public static final double SRM_ALPHA = 0.001;

    private ExperimentAnalysis() {}

    /** What one arm's calls did. {@code sortedLatencies} are the successful calls' latencies, ascending. */
    public record ArmSummary(
            Route arm,
            int units,
            int calls,
            Map<Route, Integer> routeCounts,
            int overrides,
            Map<String, Integer> overrideReasons,
            int errors,
            Estimate errorRate,
            double[] sortedLatencies,
            double p50,
            double p90,
            double p99,
            Estimate medianLatency,
            double meanCompletionTokens,
            double medianTokensPerSecond) {

        /** Share of the arm's calls served by {@code route}; NaN without calls. */
        public double routeShare(Route route) {
            return calls == 0 ? Double.NaN : (double) routeCounts.getOrDefault(route, 0) / calls;
        }

        /** Share of the arm's calls with an override; NaN without calls. */
        public double overrideRate() {
            return calls == 0 ? Double.NaN : (double) overrides / calls;
        }
    }

    /**
     * The sample-ratio check over units. Each unit counts once, in the arm of its first call; its expected chance of
     * the remote arm is the {@code remote_share} of that call.
     */
    public record SampleRatioCheck(
            int localUnits,
            int remoteUnits,
            double expectedRemoteUnits,
            double chiSquare,
            double pValue,
            int unitsInBothArms,
            boolean shareChanged) {

        public double observedRemoteShare() {
            int n = localUnits + remoteUnits;
            return n == 0 ? Double.NaN : (double) remoteUnits / n;
        }

        public double expectedRemoteShare() {
            int n = localUnits + remoteUnits;
            return n == 0 ? Double.NaN : expectedRemoteUnits / n;
        }

        public boolean mismatch() {
            return pValue < SRM_ALPHA;
        }
    }

    /**
     * Shadow runs of one direction: calls served on {@code served} with a shadow on {@code shadow}. Latency
     * difference and token ratio are over the comparable pairs (both calls succeeded).
     */
    public record ShadowSummary(
            Route served,
            Route shadow,
            int pairs,
            int comparablePairs,
            Estimate latencyDifference,
            int shadowErrors,
            Estimate shadowErrorRate,
            double completionTokenRatio,
            double[] localLatencies,
            double[] remoteLatencies) {}

    /** Everything the report says about one experiment. */
    public record ExperimentSummary(
            String name,
            int calls,
            int units,
            int callsWithOtherArm,
            ArmSummary local,
            ArmSummary remote,
            Estimate latencyMedianDifference,
            Estimate errorRateDifference,
            SampleRatioCheck sampleRatio,
            ShadowSummary localServed,
            ShadowSummary remoteServed,
            int shadowsNotPaired) {

        public ArmSummary arm(Route arm) {
            return side(arm) == Route.LOCAL ? local : remote;
        }

        public ShadowSummary shadowServed(Route served) {
            return side(served) == Route.LOCAL ? localServed : remoteServed;
        }
    }

    /** LOCAL for the local route, REMOTE for both remote routes, null for REFUSED. */
    public static Route side(Route route) {
        return switch (route) {
            case LOCAL -> Route.LOCAL;
            case REMOTE, REMOTE_REDACTED -> Route.REMOTE;
            case REFUSED -> null;
        };
    }

    /** Summarises the records of one experiment (all with the same name). */
    public static ExperimentSummary analyse(String name, List<ExperimentRecord> records, long seed, int resamples) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom localRandom = root.split();
        SplittableRandom remoteRandom = root.split();
        SplittableRandom localShadowRandom = root.split();
        SplittableRandom remoteShadowRandom = root.split();
        records = new ArrayList<>(records);
        records.sort(Comparator.comparing(ExperimentRecord::timestamp).thenComparing(ExperimentRecord::unit));

        List<ExperimentRecord> local = new ArrayList<>();
        List<ExperimentRecord> remote = new ArrayList<>();
        int other = 0;
        Set<String> units = new HashSet<>();
        for (ExperimentRecord r : records) {
            units.add(r.unit());
            Route arm = side(r.arm());
            if (arm == Route.LOCAL) {
                local.add(r);
            } else if (arm == Route.REMOTE) {
                remote.add(r);
            } else {
                other++;
            }
        }
        List<ClusterBootstrap.Cluster> localClusters = clusters(local);
        List<ClusterBootstrap.Cluster> remoteClusters = clusters(remote);
        ClusterBootstrap.Replicates localReps = ClusterBootstrap.resample(localClusters, resamples, localRandom);
        ClusterBootstrap.Replicates remoteReps = ClusterBootstrap.resample(remoteClusters, resamples, remoteRandom);
        ArmSummary l = arm(Route.LOCAL, local, localReps);
        ArmSummary r = arm(Route.REMOTE, remote, remoteReps);
        Estimate latencyDiff = ClusterBootstrap.interval(
                r.p50() - l.p50(), ClusterBootstrap.minus(remoteReps.medians(), localReps.medians()));
        Estimate errorDiff = ClusterBootstrap.interval(
                r.errorRate().value() - l.errorRate().value(),
                ClusterBootstrap.minus(remoteReps.errorRates(), localReps.errorRates()));

        List<ExperimentRecord> localServed = new ArrayList<>();
        List<ExperimentRecord> remoteServed = new ArrayList<>();
        int notPaired = 0;
        for (ExperimentRecord rec : records) {
            if (rec.shadow().isEmpty()) {
                continue;
            }
            Route served = side(rec.route());
            Route shadow = side(rec.shadow().get().route());
            if (served == null || shadow == null || served == shadow) {
                notPaired++;
            } else if (served == Route.LOCAL) {
                localServed.add(rec);
            } else {
                remoteServed.add(rec);
            }
        }
        return new ExperimentSummary(
                name,
                records.size(),
                units.size(),
                other,
                l,
                r,
                latencyDiff,
                errorDiff,
                sampleRatio(records),
                shadows(Route.LOCAL, localServed, resamples, localShadowRandom),
                shadows(Route.REMOTE, remoteServed, resamples, remoteShadowRandom),
                notPaired);
    }

    private static boolean succeeded(ExperimentRecord r) {
        return r.error().isEmpty() && r.route() != Route.REFUSED && Double.isFinite(r.latencyMillis());
    }

    /** One cluster per unit, in the order of the unit hashes. */
    private static List<ClusterBootstrap.Cluster> clusters(List<ExperimentRecord> records) {
        Map<String, List<ExperimentRecord>> byUnit = new TreeMap<>();
        for (ExperimentRecord r : records) {
            byUnit.computeIfAbsent(r.unit(), u -> new ArrayList<>()).add(r);
        }
        List<ClusterBootstrap.Cluster> out = new ArrayList<>(byUnit.size());
        for (List<ExperimentRecord> calls : byUnit.values()) {
            double[] latencies = calls.stream()
                    .filter(ExperimentAnalysis::succeeded)
                    .mapToDouble(ExperimentRecord::latencyMillis)
                    .toArray();
            int errors = (int) calls.stream().filter(c -> !succeeded(c)).count();
            out.add(new ClusterBootstrap.Cluster(latencies, calls.size(), errors));
        }
        return out;
    }

    private static ArmSummary arm(Route arm, List<ExperimentRecord> calls, ClusterBootstrap.Replicates reps) {
        Set<String> units = new HashSet<>();
        Map<Route, Integer> routes = new EnumMap<>(Route.class);
        Map<String, Integer> reasons = new HashMap<>();
        int overrides = 0;
        int errors = 0;
        long tokenSum = 0;
        int tokenCount = 0;
        List<Double> latencies = new ArrayList<>();
        List<Double> tokensPerSecond = new ArrayList<>();
        for (ExperimentRecord r : calls) {
            units.add(r.unit());
            routes.merge(r.route(), 1, Integer::sum);
            if (r.override().isPresent()) {
                overrides++;
                reasons.merge(r.override().get(), 1, Integer::sum);
            }
            if (!succeeded(r)) {
                errors++;
                continue;
            }
            latencies.add(r.latencyMillis());
            if (r.completionTokens() >= 0) {
                tokenSum += r.completionTokens();
                tokenCount++;
                if (r.latencyMillis() > 0) {
                    tokensPerSecond.add(r.completionTokens() / (r.latencyMillis() / 1000.0));
                }
            }
        }
        double[] sorted =
                latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double p50 = Stats.quantileSorted(sorted, sorted.length, 0.5);
        Map<String, Integer> sortedReasons = new LinkedHashMap<>();
        reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sortedReasons.put(e.getKey(), e.getValue()));
        double[] tps = tokensPerSecond.stream().mapToDouble(Double::doubleValue).toArray();
        return new ArmSummary(
                arm,
                units.size(),
                calls.size(),
                Map.copyOf(routes),
                overrides,
                Collections.unmodifiableMap(sortedReasons),
                errors,
                Stats.wilson(errors, calls.size()),
                sorted,
                p50,
                Stats.quantileSorted(sorted, sorted.length, 0.9),
                Stats.quantileSorted(sorted, sorted.length, 0.99),
                ClusterBootstrap.interval(p50, reps.medians()),
                tokenCount == 0 ? Double.NaN : (double) tokenSum / tokenCount,
                tps.length == 0 ? Double.NaN : Stats.quantile(tps, 0.5));
    }

    private static SampleRatioCheck sampleRatio(List<ExperimentRecord> records) {
        Map<String, ExperimentRecord> first = new TreeMap<>();
        Map<String, Set<Route>> arms = new HashMap<>();
        Comparator<ExperimentRecord> order = Comparator.comparing(ExperimentRecord::timestamp)
                .thenComparing(ExperimentRecord::arm)
                .thenComparingDouble(ExperimentRecord::remoteShare);
        Set<Double> shares = new TreeSet<>();
        for (ExperimentRecord r : records) {
            Route arm = side(r.arm());
            if (arm == null) {
                continue;
            }
            arms.computeIfAbsent(r.unit(), u -> new HashSet<>()).add(arm);
            first.merge(r.unit(), r, (a, b) -> order.compare(a, b) <= 0 ? a : b);
            shares.add(r.remoteShare());
        }
        int localUnits = 0;
        int remoteUnits = 0;
        double expectedRemote = 0;
        for (ExperimentRecord r : first.values()) {
            if (side(r.arm()) == Route.REMOTE) {
                remoteUnits++;
            } else {
                localUnits++;
            }
            expectedRemote += r.remoteShare();
        }
        int both = (int) arms.values().stream().filter(s -> s.size() > 1).count();
        int n = localUnits + remoteUnits;
        double expectedLocal = n - expectedRemote;
        double chi2;
        double p;
        if (n == 0 || Double.isNaN(expectedRemote)) {
            chi2 = Double.NaN;
            p = Double.NaN;
        } else if (expectedRemote <= 0 || expectedLocal <= 0) {
            // A share of 0 or 1: any unit in the arm that should be empty is a mismatch.
            boolean ok = expectedRemote <= 0 ? remoteUnits == 0 : localUnits == 0;
            chi2 = ok ? 0 : Double.POSITIVE_INFINITY;
            p = ok ? 1 : 0;
        } else {
            chi2 = sq(remoteUnits - expectedRemote) / expectedRemote + sq(localUnits - expectedLocal) / expectedLocal;
            p = Stats.chiSquareUpperTail1(chi2);
        }
        return new SampleRatioCheck(localUnits, remoteUnits, expectedRemote, chi2, p, both, shares.size() > 1);
    }

    private static double sq(double x) {
        return x * x;
    }

    private static ShadowSummary shadows(
            Route served, List<ExperimentRecord> pairs, int resamples, SplittableRandom random) {
        Route shadowSide = served == Route.LOCAL ? Route.REMOTE : Route.LOCAL;
        int shadowErrors = 0;
        long servedTokens = 0;
        long shadowTokens = 0;
        List<Double> diffs = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        Map<String, List<Double>> byUnit = new TreeMap<>();
        for (ExperimentRecord r : pairs) {
            ExperimentRecord.Shadow s = r.shadow().orElseThrow();
            boolean shadowOk = s.error().isEmpty() && Double.isFinite(s.latencyMillis());
            if (!shadowOk) {
                shadowErrors++;
            }
            List<Double> unitDiffs = byUnit.computeIfAbsent(r.unit(), u -> new ArrayList<>());
            if (!shadowOk || !succeeded(r)) {
                continue;
            }
            double d = s.latencyMillis() - r.latencyMillis();
            diffs.add(d);
            unitDiffs.add(d);
            points.add(
                    served == Route.LOCAL
                            ? new double[] {r.latencyMillis(), s.latencyMillis()}
                            : new double[] {s.latencyMillis(), r.latencyMillis()});
            if (r.completionTokens() >= 0 && s.completionTokens() >= 0) {
                servedTokens += r.completionTokens();
                shadowTokens += s.completionTokens();
            }
        }
        List<ClusterBootstrap.Cluster> clusters = new ArrayList<>();
        for (List<Double> d : byUnit.values()) {
            clusters.add(new ClusterBootstrap.Cluster(
                    d.stream().mapToDouble(Double::doubleValue).toArray(), d.size(), 0));
        }
        double[] all = diffs.stream().mapToDouble(Double::doubleValue).toArray();
        double median = all.length == 0 ? Double.NaN : Stats.quantile(all, 0.5);
        Estimate diff = ClusterBootstrap.interval(
                median, ClusterBootstrap.resample(clusters, resamples, random).medians());
        double[] localLatencies = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] remoteLatencies = points.stream().mapToDouble(p -> p[1]).toArray();
        return new ShadowSummary(
                served,
                shadowSide,
                pairs.size(),
                all.length,
                diff,
                shadowErrors,
                Stats.wilson(shadowErrors, pairs.size()),
                servedTokens == 0 ? Double.NaN : (double) shadowTokens / servedTokens,
                localLatencies,
                remoteLatencies);
    }
}
