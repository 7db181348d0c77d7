package io.newswatch.enrich.compat;

import java.util.LinkedHashMap;
import java.util.Map;

import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.ArtifactToSerializerMapper;
import opennlp.tools.util.featuregen.CustomFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;
import opennlp.tools.util.model.ArtifactSerializer;

/**
 * Stands for an OpenNLP 1.x {@code <custom class="..." attr="..."/>} generator in the 2.x
 * descriptor format: {@code <str name="class">} names the generator, the other {@code <str>}
 * parameters are its attributes.
 */
public class ClassicCustomFeatureGeneratorFactory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

    static final String CLASS_PARAMETER = "class";

    @Override
    public AdaptiveFeatureGenerator create() throws InvalidFormatException {
        Object generator = instantiate();
        if (generator instanceof CustomFeatureGenerator custom) {
            custom.init(attributes(), resourceManager);
        }
        if (!(generator instanceof AdaptiveFeatureGenerator)) {
            throw new InvalidFormatException(generator.getClass().getName() + " is not a feature generator");
        }
        return (AdaptiveFeatureGenerator) generator;
    }

    @Override
    public Map<String, ArtifactSerializer<?>> getArtifactSerializerMapping() throws InvalidFormatException {
        Map<String, ArtifactSerializer<?>> mapping = new LinkedHashMap<>(super.getArtifactSerializerMapping());
        Object generator = instantiate();
        if (generator instanceof ArtifactToSerializerMapper mapper) {
            mapping.putAll(mapper.getArtifactSerializerMapping());
        }
        return mapping;
    }

    private Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        args.forEach((name, value) -> {
            if (!name.equals(CLASS_PARAMETER) && value instanceof String s) {
                attributes.put(name, s);
            }
        });
        return attributes;
    }

    private Object instantiate() throws InvalidFormatException {
        String className = getStr(CLASS_PARAMETER);
        // A model file names the class: only load from packages extensions are allowed to come from.
        if (!ExtensionPackages.isAllowed(className)) {
            throw new InvalidFormatException("feature generator " + className + " is not in an allowed package ("
                    + ExtensionPackages.PROPERTY + ")");
        }
        try {
            return Class.forName(className, true, ClassicCustomFeatureGeneratorFactory.class.getClassLoader())
                    .getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new InvalidFormatException("cannot create feature generator " + className + ": " + e, e);
        }
    }
}
