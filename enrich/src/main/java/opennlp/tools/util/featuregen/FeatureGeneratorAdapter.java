package opennlp.tools.util.featuregen;

/**
 * Compatibility type for feature generators compiled against OpenNLP 1.x, where this was the base
 * class with no-op adaptive-data methods. OpenNLP 2.x gives {@link AdaptiveFeatureGenerator} those
 * methods as defaults, so the class only has to exist.
 */
public abstract class FeatureGeneratorAdapter implements AdaptiveFeatureGenerator {

    @Override
    public void updateAdaptiveData(String[] tokens, String[] outcomes) {
    }

    @Override
    public void clearAdaptiveData() {
    }
}
