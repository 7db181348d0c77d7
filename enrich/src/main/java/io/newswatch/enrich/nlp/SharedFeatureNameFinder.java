package io.newswatch.enrich.nlp;

import java.util.List;

import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.model.SequenceClassificationModel;
import opennlp.tools.ml.perceptron.PerceptronModel;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Sequence;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.SequenceValidator;
import opennlp.tools.util.Span;

/**
 * {@link NameFinderME} with the same answers, faster: for a perceptron model (both bundled English
 * models are) the beam search is {@link SharedFeatureBeamSearch}. Other models are searched as
 * {@code NameFinderME} searches them.
 */
public final class SharedFeatureNameFinder extends NameFinderME {

    private static final String MAXENT_MODEL_ENTRY = "nameFinder.model";

    private final SequenceClassificationModel search;
    private final SequenceCodec<String> codec;
    private final SequenceValidator<String> validator;
    private Sequence best;

    public SharedFeatureNameFinder(TokenNameFinderModel model) {
        super(model);
        this.codec = model.getFactory().createSequenceCodec();
        this.validator = codec.createSequenceValidator();
        Object maxent = model.getArtifact(MAXENT_MODEL_ENTRY);
        this.search = maxent instanceof PerceptronModel perceptron
                ? new SharedFeatureBeamSearch(beamSize(model), perceptron) : this.model;
    }

    /** Whether this finder searches with shared features (false: exactly as {@code NameFinderME}). */
    public boolean sharesFeatures() {
        return search instanceof SharedFeatureBeamSearch;
    }

    private static int beamSize(TokenNameFinderModel model) {
        String size = model.getManifestProperty(BeamSearch.BEAM_SIZE_PARAMETER);
        return size == null ? NameFinderME.DEFAULT_BEAM_SIZE : Integer.parseInt(size);
    }

    @Override
    public Span[] find(String[] tokens) {
        best = search.bestSequence(tokens, new String[0][], contextGenerator, validator);
        List<String> outcomes = best.getOutcomes();
        contextGenerator.updateAdaptiveData(tokens, outcomes.toArray(new String[0]));
        Span[] spans = codec.decode(outcomes);
        double[] probs = probs(spans);
        for (int i = 0; i < spans.length; i++) {
            spans[i] = new Span(spans[i], probs[i]);
        }
        return spans;
    }

    /** Extra context is not supported: the finder is given none elsewhere in the pipeline. */
    @Override
    public Span[] find(String[] tokens, String[][] additionalContext) {
        if (additionalContext != null && additionalContext.length > 0) {
            throw new UnsupportedOperationException("additional context is not supported");
        }
        return find(tokens);
    }

    @Override
    public void probs(double[] probs) {
        best.getProbs(probs);
    }

    @Override
    public double[] probs() {
        return best.getProbs();
    }

    @Override
    public double[] probs(Span[] spans) {
        double[] tokenProbs = best.getProbs();
        double[] result = new double[spans.length];
        for (int s = 0; s < spans.length; s++) {
            double p = 0;
            for (int t = spans[s].getStart(); t < spans[s].getEnd(); t++) {
                p += tokenProbs[t];
            }
            result[s] = p / spans[s].length();
        }
        return result;
    }
}
