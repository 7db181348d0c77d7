package io.newswatch.enrich.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.newswatch.enrich.bench.GeneratedArticles;
import io.newswatch.enrich.compat.CompatibleNameFinderModels;
import io.newswatch.schemas.RawArticle;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/**
 * The shared-feature search must answer exactly as {@link NameFinderME}: same spans, types and
 * probabilities, sentence after sentence through whole documents (the finders' adaptive data
 * included), on generated articles and on the hand-annotated gold texts.
 */
class SharedFeatureNameFinderTest {

    @ParameterizedTest
    @ValueSource(strings = {"fast", "accurate"})
    void answersExactlyAsNameFinderMe(String modelName) throws Exception {
        TokenNameFinderModel model;
        try (InputStream in = NerModelChoice.parse(modelName).open()) {
            model = CompatibleNameFinderModels.load(in);
        }
        SharedFeatureNameFinder shared = new SharedFeatureNameFinder(model);
        NameFinderME reference = new NameFinderME(model);
        assertThat(shared.sharesFeatures()).as("the bundled %s model is a perceptron", modelName).isTrue();

        TextAnalyzer analyzer = new TextAnalyzer(NlpModels.shared(NlpConfig.defaults()));
        int sentences = 0;
        int names = 0;
        for (List<String[]> document : documents(analyzer)) {
            for (String[] tokens : document) {
                Span[] expected = reference.find(tokens);
                Span[] actual = shared.find(tokens);
                assertThat(actual).as("names in %s", String.join(" ", tokens)).containsExactly(expected);
                for (int i = 0; i < expected.length; i++) {
                    assertThat(actual[i].getProb()).isEqualTo(expected[i].getProb());
                }
                assertThat(shared.probs(actual)).containsExactly(reference.probs(expected));
                assertThat(shared.probs()).containsExactly(reference.probs());
                sentences++;
                names += expected.length;
            }
            reference.clearAdaptiveData();
            shared.clearAdaptiveData();
        }
        assertThat(sentences).isGreaterThan(1_000);
        assertThat(names).isGreaterThan(500);
    }

    private static List<List<String[]>> documents(TextAnalyzer analyzer) throws Exception {
        List<String> texts = new ArrayList<>();
        for (RawArticle a : GeneratedArticles.generate(60, 11)) {
            texts.add(a.getTitle() + "\n\n" + a.getText());
        }
        try (InputStream in = SharedFeatureNameFinderTest.class.getResourceAsStream("/ner/ner-gold.txt")) {
            String gold = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Markup is irrelevant here: the words around it are what the finders are given.
            texts.addAll(Arrays.asList(gold.replaceAll("\\[(PER|LOC|ORG|MISC) ", "").replace(" ]", " ").replace("]", "")
                    .split("=====")));
        }
        List<List<String[]>> documents = new ArrayList<>();
        for (String text : texts) {
            List<String[]> document = new ArrayList<>();
            for (AnalyzedText.Sentence s : analyzer.analyze(text).sentences()) {
                document.addAll(TextAnalyzer.finderPieces(s.tokens()));
            }
            documents.add(document);
        }
        return documents;
    }
}
