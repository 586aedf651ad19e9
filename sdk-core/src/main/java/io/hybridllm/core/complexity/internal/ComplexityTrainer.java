package io.hybridllm.core.complexity.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits the {@link ComplexityModel}, per prompt family ({@link PromptFeatures#SEGMENTS}), in two steps on the centred
 * and scaled {@link PromptFeatures} and the presence of vocabulary terms:
 *
 * <ol>
 *   <li>Ranking: an L2-regularised logistic regression with soft targets, the quality the strong model gains over
 *       the weak one mapped to [0, 1] ({@link #gainTarget}): 1 when only the strong model gets it right, 0.5 when
 *       both or neither do, 0 when only the weak one does (judge scores: {@code 0.5 + (strong - weak) / 18}). Its
 *       logit orders prompts by expected gain, which is what routing quality (APGR) rewards; a plain {@code
 *       needs_strong} classifier cannot tell "both right" from "weak right, strong wrong".
 *   <li>Calibration: one scale and offset of that logit ({@code a > 0}, so the order stays) fitted by logistic
 *       regression of {@code needs_strong} (1) against {@code weak_ok} and {@code both_fail} (0), and folded into
 *       the weights: the score stays a probability that the small model falls short.
 * </ol>
 *
 * Full-batch Adam with a fixed number of steps, then Newton steps for the calibration, single-threaded and in a
 * fixed order: the same data and options give the same weights, bit for bit. Each source (data set) is weighted in
 * proportion to the square root of its size, so one large set does not drown the small ones.
 */
public final class ComplexityTrainer {
    /** Training options; {@link #defaults()} are the ones the committed weights were trained with. */
    public record Options(
            double l2Features,
            double l2Terms,
            int minTermCount,
            int maxTerms,
            int steps,
            double learningRate,
            double minScale) {
        public static Options defaults() {
            return new Options(1e-1, 3e-1, 5, 3000, 400, 0.05, 1);
        }
    }

    private static final int MIN_SEGMENT_ROWS = 30;

    /**
     * Word problems ({@code math} family) are fitted on these features only, with no vocabulary terms and a tenth of
     * the feature penalty: in grouped cross-validation on GSM8K the full feature set and the terms ranked worse than
     * prompt length alone, while length with the count of decimal numbers (easier) and of fractions (harder) beat it.
     */
    private static final List<String> MATH_FEATURES = List.of("length", "decimals", "fractions");

    private static final double MATH_L2_FACTOR = 0.1;

    /**
     * Multiple-choice questions ({@code choice} family, thousands of training prompts) standardize their features
     * with this much lower scale floor, and penalize vocabulary terms this much less: enough data that rare
     * indicators and subject words are not overfitted (both raised cross-validated MMLU APGR).
     */
    private static final double CHOICE_MIN_SCALE = 0.01;

    private static final double CHOICE_TERM_L2_FACTOR = 0.1;

    /** How one family is fitted: which features are free, the penalties, the vocabulary and the scale floor. */
    private record Recipe(boolean[] fitted, double l2Features, boolean terms, double l2TermsFactor, double minScale) {}

    private Recipe recipe(String segment) {
        int d = PromptFeatures.COUNT;
        boolean[] all = new boolean[d];
        Arrays.fill(all, true);
        return switch (segment) {
            case "math" -> {
                boolean[] some = new boolean[d];
                for (String f : MATH_FEATURES) {
                    some[PromptFeatures.NAMES.indexOf(f)] = true;
                }
                yield new Recipe(some, options.l2Features() * MATH_L2_FACTOR, false, 1, options.minScale());
            }
            case "choice" -> new Recipe(
                    all,
                    options.l2Features(),
                    true,
                    CHOICE_TERM_L2_FACTOR,
                    Math.min(options.minScale(), CHOICE_MIN_SCALE));
            default -> new Recipe(all, options.l2Features(), true, 1, options.minScale());
        };
    }

    private final Options options;

    public ComplexityTrainer(Options options) {
        this.options = options;
    }

    /**
     * A prompt with its features computed once.
     *
     * @param y the ranking target ({@link #gainTarget})
     * @param needsStrong 1 for {@code needs_strong}, else 0: the calibration target
     */
    private record Row(double[] x, String[] terms, double y, double needsStrong, double weight, int segment) {}

    /**
     * The quality the strong model gains over the weak one on this prompt, mapped to [0, 1]: {@code 0.5 + (strong -
     * weak) / (2 * range)}, where range is 9 for judge scores (1-10) and 1 for correctness, preferences and labels.
     */
    public static double gainTarget(LabelledPrompt p) {
        if (!p.hasOutcome()) {
            return LabelledPrompt.NEEDS_STRONG.equals(p.label()) ? 1 : 0.5;
        }
        double range = "judge_score".equals(p.qualityKind()) ? 9 : 1;
        double y = 0.5 + (p.strongQuality() - p.weakQuality()) / (2 * range);
        return Math.max(0, Math.min(1, y));
    }

    /** Only records with a trainable label are used. */
    public static List<LabelledPrompt> trainable(List<LabelledPrompt> all) {
        List<LabelledPrompt> out = new ArrayList<>();
        for (LabelledPrompt p : all) {
            if (p.isTrainable()) {
                out.add(p);
            }
        }
        return out;
    }

    /** Fits on all of {@code data} (trainable records only). */
    public ComplexityModel fit(List<LabelledPrompt> data) {
        List<LabelledPrompt> train = trainable(data);
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no records labelled needs_strong, weak_ok or both_fail");
        }
        return fitRows(rows(train));
    }

    /**
     * {@code k}-fold cross-validation grouped by {@link LabelledPrompt#group()}: returns, for each record of {@code
     * data} in order, the logit of a model fitted on the trainable records of the other folds.
     */
    public double[] crossValidate(List<LabelledPrompt> data, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be >= 2: " + k);
        }
        double[] out = new double[data.size()];
        Arrays.fill(out, Double.NaN);
        Row[] all = new Row[data.size()];
        List<Row> rows = rows(trainable(data));
        int r = 0;
        for (int i = 0; i < data.size(); i++) {
            if (data.get(i).isTrainable()) {
                all[i] = rows.get(r++);
            }
        }
        for (int f = 0; f < k; f++) {
            List<Row> train = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (all[i] != null && fold(data.get(i).group(), k) != f) {
                    train.add(all[i]);
                }
            }
            ComplexityModel model = fitRows(train);
            LearnedComplexityScorer scorer = new LearnedComplexityScorer(model);
            for (int i = 0; i < data.size(); i++) {
                if (fold(data.get(i).group(), k) == f) {
                    out[i] = scorer.logit(data.get(i).request());
                }
            }
        }
        return out;
    }

    /** The fold of a group: a stable hash, so membership does not depend on record order. */
    public static int fold(String group, int k) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < group.length(); i++) {
            h ^= group.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) Math.floorMod(h, (long) k);
    }

    private static List<Row> rows(List<LabelledPrompt> data) {
        Map<String, Integer> perSource = new TreeMap<>();
        for (LabelledPrompt p : data) {
            perSource.merge(p.source(), 1, Integer::sum);
        }
        List<Row> rows = new ArrayList<>(data.size());
        for (LabelledPrompt p : data) {
            double[] x = new double[PromptFeatures.COUNT];
            List<String> terms = new ArrayList<>();
            PromptFeatures.extract(p.request(), x, terms::add);
            String[] t = terms.stream().distinct().sorted().toArray(String[]::new);
            double needsStrong = LabelledPrompt.NEEDS_STRONG.equals(p.label()) ? 1 : 0;
            rows.add(new Row(
                    x,
                    t,
                    gainTarget(p),
                    needsStrong,
                    1 / Math.sqrt(perSource.get(p.source())),
                    PromptFeatures.segment(x)));
        }
        return rows;
    }

    /**
     * Weighted logistic regression of {@code needsStrong} on {@code u} with an intercept, by a fixed number of Newton
     * steps of at most 1 in each parameter: {@code {a, b}}, with {@code a} kept positive so the order of {@code u} is
     * preserved. A small pull towards {@code a = 1, b = 0} keeps separable data (a family the ranking model already
     * splits perfectly) from blowing the logit up.
     */
    private static double[] calibrate(List<Row> rows, double[] u, double wsum) {
        double prior = 1e-4;
        double a = 1;
        double b = 0;
        for (int iter = 0; iter < 50; iter++) {
            double ga = prior * (a - 1);
            double gb = prior * b;
            double haa = prior;
            double hab = 0;
            double hbb = prior;
            for (int i = 0; i < u.length; i++) {
                double wi = rows.get(i).weight() / wsum;
                double pr = LearnedComplexityScorer.sigmoid(a * u[i] + b);
                double e = (pr - rows.get(i).needsStrong()) * wi;
                double h = pr * (1 - pr) * wi;
                ga += e * u[i];
                gb += e;
                haa += h * u[i] * u[i];
                hab += h * u[i];
                hbb += h;
            }
            double det = haa * hbb - hab * hab;
            if (!(det > 1e-18)) {
                break;
            }
            a -= Math.max(-1, Math.min(1, (hbb * ga - hab * gb) / det));
            b -= Math.max(-1, Math.min(1, (haa * gb - hab * ga) / det));
            a = Math.max(1e-3, a);
        }
        return new double[] {a, b};
    }

    private ComplexityModel fitRows(List<Row> all) {
        List<ModelSegment> segments = new ArrayList<>();
        for (int s = 0; s < PromptFeatures.SEGMENTS.size(); s++) {
            List<Row> rows = new ArrayList<>();
            for (Row r : all) {
                if (r.segment() == s) {
                    rows.add(r);
                }
            }
            // A family with too few examples of its own borrows the weights fitted on everything.
            boolean own = rows.size() >= MIN_SEGMENT_ROWS;
            segments.add(fitSegment(own ? rows : all, recipe(own ? PromptFeatures.SEGMENTS.get(s) : "open")));
        }
        return new ComplexityModel(segments);
    }

    private ModelSegment fitSegment(List<Row> rows, Recipe recipe) {
        int n = rows.size();
        int d = PromptFeatures.COUNT;
        // Vocabulary: terms in at least minTermCount training prompts, the most frequent maxTerms, sorted by name.
        Map<String, Integer> df = new TreeMap<>();
        for (Row r : rows) {
            if (!recipe.terms()) {
                break;
            }
            for (String t : r.terms()) {
                df.merge(t, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> frequent = new ArrayList<>();
        for (Map.Entry<String, Integer> e : df.entrySet()) {
            if (e.getValue() >= options.minTermCount()) {
                frequent.add(e);
            }
        }
        frequent.sort((a, b) -> b.getValue() - a.getValue() != 0
                ? b.getValue() - a.getValue()
                : a.getKey().compareTo(b.getKey()));
        List<String> vocab = new ArrayList<>();
        for (int i = 0; i < Math.min(options.maxTerms(), frequent.size()); i++) {
            vocab.add(frequent.get(i).getKey());
        }
        vocab.sort(null);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < vocab.size(); i++) {
            index.put(vocab.get(i), i);
        }
        int[][] termIdx = new int[n][];
        for (int i = 0; i < n; i++) {
            termIdx[i] = Arrays.stream(rows.get(i).terms())
                    .map(index::get)
                    .filter(v -> v != null)
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
        // Standardize the dense features (weighted mean and deviation).
        double wsum = 0;
        for (Row r : rows) {
            wsum += r.weight();
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (Row r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += r.weight() * r.x()[j] / wsum;
            }
        }
        for (Row r : rows) {
            for (int j = 0; j < d; j++) {
                double z = r.x()[j] - mean[j];
                scale[j] += r.weight() * z * z / wsum;
            }
        }
        for (int j = 0; j < d; j++) {
            // A floor on the scale keeps rare indicator features from being blown up (and overfitted) by standardizing.
            scale[j] = Math.max(recipe.minScale(), scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1);
            mean[j] = ComplexityModel.round(mean[j]);
            scale[j] = ComplexityModel.round(scale[j]);
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (rows.get(i).x()[j] - mean[j]) / scale[j];
            }
        }
        int v = vocab.size();
        int p = 1 + d + v; // bias, features, terms
        // Fewer examples, less evidence per term: the term penalty grows as 1/sqrt(n), equal to l2Terms at n = 1000.
        double l2Terms = options.l2Terms() * Math.sqrt(1000.0 / n) * recipe.l2TermsFactor();
        double[] theta = new double[p];
        double[] m1 = new double[p];
        double[] m2 = new double[p];
        double[] grad = new double[p];
        double beta1 = 0.9;
        double beta2 = 0.999;
        for (int step = 1; step <= options.steps(); step++) {
            Arrays.fill(grad, 0);
            for (int i = 0; i < n; i++) {
                double logit = theta[0];
                for (int j = 0; j < d; j++) {
                    logit += theta[1 + j] * z[i][j];
                }
                for (int t : termIdx[i]) {
                    logit += theta[1 + d + t];
                }
                double err =
                        (LearnedComplexityScorer.sigmoid(logit) - rows.get(i).y())
                                * rows.get(i).weight()
                                / wsum;
                grad[0] += err;
                for (int j = 0; j < d; j++) {
                    grad[1 + j] += err * z[i][j];
                }
                for (int t : termIdx[i]) {
                    grad[1 + d + t] += err;
                }
            }
            for (int j = 0; j < d; j++) {
                grad[1 + j] = recipe.fitted()[j] ? grad[1 + j] + recipe.l2Features() * theta[1 + j] : 0;
            }
            for (int t = 0; t < v; t++) {
                grad[1 + d + t] += l2Terms * theta[1 + d + t];
            }
            double lr = options.learningRate();
            double c1 = 1 - Math.pow(beta1, step);
            double c2 = 1 - Math.pow(beta2, step);
            for (int q = 0; q < p; q++) {
                m1[q] = beta1 * m1[q] + (1 - beta1) * grad[q];
                m2[q] = beta2 * m2[q] + (1 - beta2) * grad[q] * grad[q];
                theta[q] -= lr * (m1[q] / c1) / (Math.sqrt(m2[q] / c2) + 1e-8);
            }
        }
        // Calibration: needs_strong ~ sigmoid(a * u + b) on the ranking logit u, folded into the weights.
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = theta[0];
            for (int j = 0; j < d; j++) {
                u[i] += theta[1 + j] * z[i][j];
            }
            for (int t : termIdx[i]) {
                u[i] += theta[1 + d + t];
            }
        }
        double[] ab = calibrate(rows, u, wsum);
        for (int q = 0; q < p; q++) {
            theta[q] *= ab[0];
        }
        theta[0] += ab[1];
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = ComplexityModel.round(theta[1 + j]);
        }
        // Terms whose weight rounds to zero carry no information; leave them out of the file.
        List<String> keptTerms = new ArrayList<>();
        List<Double> keptWeights = new ArrayList<>();
        for (int t = 0; t < v; t++) {
            double tw = ComplexityModel.round(theta[1 + d + t]);
            if (Math.abs(tw) >= 1e-3) {
                keptTerms.add(vocab.get(t));
                keptWeights.add(tw);
            }
        }
        return new ModelSegment(
                ComplexityModel.round(theta[0]),
                mean,
                scale,
                w,
                keptTerms,
                keptWeights.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
