package opennlp.tools.util.featuregen;

import java.util.Map;

import opennlp.tools.util.InvalidFormatException;

/**
 * Compatibility type for OpenNLP 1.x custom feature generators: a generator configured from the
 * attributes of its {@code <custom>} descriptor element and the model's resources.
 */
public abstract class CustomFeatureGenerator implements AdaptiveFeatureGenerator {

    public abstract void init(Map<String, String> properties, FeatureGeneratorResourceProvider resourceProvider)
            throws InvalidFormatException;
}
