package io.newswatch.enrich.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newswatch.enrich.embed.EmbeddingModelUnavailableException;
import io.newswatch.enrich.embed.OnnxSentenceEmbedder;
import io.newswatch.schemas.Topic;

/** The semantic classifier with the real bundled model. */
class SemanticTopicClassifierTest {

    private final SemanticTopicClassifier classifier = TopicClassifiers.semantic(Taxonomy.loadDefault());

    @Test
    void aSportsResultWithoutCueWordsGetsSport() {
        // None of the sport cues occurs here: the embedding carries it.
        assertThat(new CueTopicClassifier(Taxonomy.loadDefault()).classify("Mets edge Braves 4-3 in ten innings",
                "A pinch hitter singled home the winning run.")).isEmpty();
        TopicAssignment a = classifier.assign("Mets edge Braves 4-3 in ten innings",
                "A pinch hitter singled home the winning run.", "eng");
        assertThat(a.topics().get(0).getCode()).isEqualTo("sport");
        assertThat(a.embedding()).hasSize(384);
        assertThat(a.flags()).isEmpty();
    }

    @Test
    void scoresAreProbabilitiesAndTheBestTopicIsAlwaysGiven() {
        double[] p = classifier.probabilities(classifier.assign("Shares fall", "", "eng").embedding(), new double[17]);
        double sum = 0;
        for (double x : p) {
            assertThat(x).isBetween(0.0, 1.0);
            sum += x;
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));

        TopicAssignment vague = classifier.assign("Thursday", "It happened again, they said.", "eng");
        assertThat(vague.topics()).hasSize(1);
        if (vague.topics().get(0).getScore() < classifier.taxonomy().threshold()) {
            assertThat(vague.flags()).containsExactly(TopicAssignment.FLAG_TOPIC_BELOW_THRESHOLD);
        }
        for (Topic t : classifier.classify("Central bank raises rates", "Inflation stays high, the bank said.")) {
            assertThat(t.getScore()).isBetween(classifier.taxonomy().threshold(), 1.0);
        }
    }

    @Test
    void otherLanguagesFallBackToCuesAndAreFlagged() {
        TopicAssignment a = classifier.assign("Fußball: Bayern gewinnt", "Der Verein gewann das Spiel mit 3:1.", "deu");
        assertThat(a.flags()).containsExactly(TopicAssignment.FLAG_TOPICS_FROM_CUES);
        assertThat(a.embedding()).isNull();
    }

    @Test
    void emptyTextGetsNoTopic() {
        assertThat(classifier.assign("", "  ", "und").topics()).isEmpty();
        assertThat(classifier.assign(null, null, "eng").topics()).isEmpty();
    }

    @Test
    void theLeadIsCutOnASentenceBoundary() {
        String text = "First sentence is here. ".repeat(30);
        String input = SemanticTopicClassifier.embeddingInput("Title", text);
        assertThat(input).startsWith("Title. First sentence").endsWith("here.");
        assertThat(input.length()).isLessThanOrEqualTo(7 + SemanticTopicClassifier.LEAD_CHARS);
        assertThat(SemanticTopicClassifier.embeddingInput("Title?", "Lead.")).isEqualTo("Title? Lead.");
    }

    @Test
    void aModelThatCannotLoadNamesItsArtifact() {
        OnnxSentenceEmbedder.Spec missing = new OnnxSentenceEmbedder.Spec("org.example:missing-model:1.0",
                "/no-such-model.onnx", "/no-such-tokenizer.json", 384);
        assertThatThrownBy(() -> OnnxSentenceEmbedder.load(missing))
                .isInstanceOf(EmbeddingModelUnavailableException.class)
                .hasMessageContaining("org.example:missing-model:1.0");
    }

    @Test
    void aUserTaxonomyIsCalibratedOnItsOwnExemplars() {
        Taxonomy two = Taxonomy.parse("""
                topics:
                  - code: sport
                    description: Matches and players
                    exemplars: ["Striker scores twice in the derby", "Tennis champion wins in straight sets",
                                "Golfer leads after the first round", "Team signs a new coach"]
                  - code: weather
                    description: Forecasts, rain, snow and heat
                    exemplars: ["Heavy snow expected overnight", "Heatwave to continue all week",
                                "Storm brings strong winds to the coast", "Rain will clear by Friday"]
                """, "two.yaml");
        SemanticTopicClassifier small = new SemanticTopicClassifier(two,
                OnnxSentenceEmbedder.shared(OnnxSentenceEmbedder.MINILM_L6_V2_Q));
        assertThat(small.calibration().exemplars()).isEqualTo(8);
        List<Topic> topics = small.classify("Goalkeeper saves a penalty", "");
        assertThat(topics.get(0).getCode()).isEqualTo("sport");
    }
}
