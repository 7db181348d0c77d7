package io.newswatch.enrich.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.AggregatedFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * Aggregates the child generators of a descriptor element, each exactly once. (OpenNLP 2.5's own
 * aggregate factory runs every child after the first twice when there are several.)
 */
public class AggregateFeatureGeneratorFactory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {

    @Override
    public AdaptiveFeatureGenerator create() throws InvalidFormatException {
        List<AdaptiveFeatureGenerator> children = new ArrayList<>();
        // The base class stores children as generator#0..n-1, and with several children replaces
        // generator#0 by an aggregate of all of them; take the individual ones.
        int n = 0;
        for (Map.Entry<String, Object> arg : args.entrySet()) {
            if (arg.getKey().startsWith("generator#")) {
                n++;
            }
        }
        if (n == 0) {
            throw new InvalidFormatException("aggregate generator needs at least one child generator");
        }
        if (n == 1) {
            return (AdaptiveFeatureGenerator) args.get("generator#0");
        }
        Object first = args.get("generator#0");
        if (first instanceof AggregatedFeatureGenerator aggregate && aggregate.getGenerators().size() == n) {
            return aggregate;
        }
        for (int i = 0; i < n; i++) {
            children.add((AdaptiveFeatureGenerator) args.get("generator#" + i));
        }
        return new AggregatedFeatureGenerator(children.toArray(new AdaptiveFeatureGenerator[0]));
    }
}
