package io.newswatch.enrich.nlp;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Queue;

import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.SequenceClassificationModel;
import opennlp.tools.ml.perceptron.PerceptronModel;
import opennlp.tools.util.BeamSearchContextGenerator;
import opennlp.tools.util.Sequence;
import opennlp.tools.util.SequenceValidator;

/**
 * OpenNLP's beam search for a perceptron name finder, giving the same sequences and probabilities,
 * with the work the beam's candidates share done once per token.
 *
 * <p>At one token, the name finder's candidates differ only in the last {@value #OUTCOME_FEATURES}
 * features of their context (the previous outcomes); the rest is the same for all of them. The
 * perceptron's score is a sum over features in context order, so the shared prefix is summed once
 * and each candidate continues from that partial sum, which is the same arithmetic in the same
 * order. A candidate whose prefix differs (a feature generator that looked at the outcomes) is
 * scored in full.
 */
final class SharedFeatureBeamSearch implements SequenceClassificationModel {

    /** The previous-outcome features {@code DefaultNameContextGenerator} appends to every context. */
    static final int OUTCOME_FEATURES = 4;
    private static final Object[] NO_ADDITIONAL_CONTEXT = new Object[0];
    private static final int ZERO_LOG = -100000;

    private final int size;
    private final PerceptronModel model;
    private final Map<String, Context> parameters;
    private final int outcomeCount;
    private final double[] scores;
    private final double[] prefixSums;
    private String[] prefixContext;
    private int prefixLength = -1;

    @SuppressWarnings("unchecked")
    SharedFeatureBeamSearch(int size, PerceptronModel model) {
        this.size = size;
        this.model = model;
        this.parameters = (Map<String, Context>) model.getDataStructures()[1];
        this.outcomeCount = model.getNumOutcomes();
        this.scores = new double[outcomeCount];
        this.prefixSums = new double[outcomeCount];
    }

    @Override
    public <T> Sequence[] bestSequences(int numSequences, T[] sequence, Object[] additionalContext,
            double minSequenceScore, BeamSearchContextGenerator<T> contexts, SequenceValidator<T> validator) {
        Queue<Sequence> prev = new PriorityQueue<>(size);
        Queue<Sequence> next = new PriorityQueue<>(size);
        prev.add(new Sequence());
        Object[] additional = additionalContext == null ? NO_ADDITIONAL_CONTEXT : additionalContext;
        for (int i = 0; i < sequence.length; i++) {
            int candidates = Math.min(size, prev.size());
            prefixLength = -1;
            for (int c = 0; !prev.isEmpty() && c < candidates; c++) {
                Sequence top = prev.remove();
                List<String> topOutcomes = top.getOutcomes();
                String[] outcomes = topOutcomes.toArray(new String[0]);
                double[] s = score(contexts.getContext(i, sequence, outcomes, additional));
                double[] sorted = s.clone();
                Arrays.sort(sorted);
                double min = sorted[Math.max(0, s.length - size)];
                for (int p = 0; p < s.length; p++) {
                    if (s[p] >= min) {
                        extend(top, outcomes, p, s[p], i, sequence, validator, minSequenceScore, next);
                    }
                }
                if (next.isEmpty()) {
                    for (int p = 0; p < s.length; p++) {
                        extend(top, outcomes, p, s[p], i, sequence, validator, minSequenceScore, next);
                    }
                }
            }
            prev.clear();
            Queue<Sequence> swap = prev;
            prev = next;
            next = swap;
        }
        Sequence[] best = new Sequence[Math.min(numSequences, prev.size())];
        for (int k = 0; k < best.length; k++) {
            best[k] = prev.remove();
        }
        return best;
    }

    private <T> void extend(Sequence top, String[] outcomes, int p, double prob, int i, T[] sequence,
            SequenceValidator<T> validator, double minSequenceScore, Queue<Sequence> next) {
        String out = model.getOutcome(p);
        if (validator.validSequence(i, sequence, outcomes, out)) {
            Sequence extended = new Sequence(top, out, prob);
            if (extended.getScore() > minSequenceScore) {
                next.add(extended);
            }
        }
    }

    /** The model's outcome probabilities for {@code context}, as {@link PerceptronModel#eval} gives them. */
    double[] score(String[] context) {
        int shared = context.length - OUTCOME_FEATURES;
        if (shared < 0) {
            Arrays.fill(scores, 0);
            add(context, 0, context.length, scores);
            return normalise(scores);
        }
        if (!samePrefix(context, shared)) {
            Arrays.fill(prefixSums, 0);
            add(context, 0, shared, prefixSums);
            prefixContext = context;
            prefixLength = shared;
        }
        System.arraycopy(prefixSums, 0, scores, 0, outcomeCount);
        add(context, shared, context.length, scores);
        return normalise(scores);
    }

    private boolean samePrefix(String[] context, int shared) {
        if (prefixLength != shared) {
            return false;
        }
        for (int k = 0; k < shared; k++) {
            if (!context[k].equals(prefixContext[k])) {
                return false;
            }
        }
        return true;
    }

    private void add(String[] context, int from, int to, double[] sums) {
        for (int k = from; k < to; k++) {
            Context feature = parameters.get(context[k]);
            if (feature == null) {
                continue;
            }
            int[] outcomes = feature.getOutcomes();
            double[] weights = feature.getParameters();
            for (int a = 0; a < outcomes.length; a++) {
                sums[outcomes[a]] += weights[a] * 1.0d;
            }
        }
    }

    /** The perceptron's normalisation: scaled by the largest magnitude (at least 1), then exponentiated. */
    private double[] normalise(double[] sums) {
        double max = 1;
        for (int o = 0; o < outcomeCount; o++) {
            if (max < StrictMath.abs(sums[o])) {
                max = StrictMath.abs(sums[o]);
            }
        }
        double total = 0;
        for (int o = 0; o < outcomeCount; o++) {
            sums[o] = StrictMath.exp(sums[o] / max);
            total += sums[o];
        }
        for (int o = 0; o < outcomeCount; o++) {
            sums[o] /= total;
        }
        return sums;
    }

    @Override
    public <T> Sequence[] bestSequences(int numSequences, T[] sequence, Object[] additionalContext,
            BeamSearchContextGenerator<T> contexts, SequenceValidator<T> validator) {
        return bestSequences(numSequences, sequence, additionalContext, ZERO_LOG, contexts, validator);
    }

    @Override
    public <T> Sequence bestSequence(T[] sequence, Object[] additionalContext, BeamSearchContextGenerator<T> contexts,
            SequenceValidator<T> validator) {
        Sequence[] best = bestSequences(1, sequence, additionalContext, contexts, validator);
        return best.length > 0 ? best[0] : null;
    }

    @Override
    public String[] getOutcomes() {
        String[] outcomes = new String[outcomeCount];
        for (int o = 0; o < outcomeCount; o++) {
            outcomes[o] = model.getOutcome(o);
        }
        return outcomes;
    }
}
