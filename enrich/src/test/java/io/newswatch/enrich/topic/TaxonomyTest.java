package io.newswatch.enrich.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newswatch.schemas.Topic;

class TaxonomyTest {

    @Test
    void theBundledTaxonomyHasTheSeventeenIptcTopLevelCodes() {
        assertThat(Taxonomy.loadDefault().topics()).extracting(Taxonomy.TopicDefinition::code).containsExactly(
                "arts-culture-entertainment", "conflict-war-peace", "crime-law-justice", "disaster-accident-emergency",
                "economy-business-finance", "education", "environment", "health", "human-interest", "labour",
                "lifestyle-leisure", "politics", "religion", "science-technology", "society", "sport", "weather");
    }

    @Test
    void cuesMatchWordsPhrasesAndPrefixesWithTitleWeight() {
        Taxonomy t = Taxonomy.parse("""
                threshold: 0.1
                topK: 1
                topics:
                  - { code: sport, label: Sport, cues: { "world cup": 3, "goal*": 2 } }
                  - { code: weather, label: Weather, cues: { rain: 3 } }
                """, "t.yaml");
        List<Topic> topics = new CueTopicClassifier(t).classify("World Cup final", "Two goals in the rain, and a goalkeeper.");
        assertThat(topics).extracting(Topic::getCode).containsExactly("sport");
        assertThat(topics.get(0).getScore()).isBetween(0.1, 1.0);
    }

    @Test
    void errorsNameTheFileAndField() {
        assertThatThrownBy(() -> Taxonomy.parse("topics:\n  - { label: X }\n", "mine.yaml"))
                .hasMessageContaining("mine.yaml:2:5").hasMessageContaining("topics[0].code");
        assertThatThrownBy(() -> Taxonomy.parse("topics: [ { code: a, cues: { x: lots } } ]", "mine.yaml"))
                .hasMessageContaining("mine.yaml:1:").hasMessageContaining("cues.x");
        assertThatThrownBy(() -> Taxonomy.parse("topics: [ {", "mine.yaml")).hasMessageContaining("mine.yaml:");
    }

    @Test
    void aMisspelledFieldIsReportedWithLineAndColumn() {
        String yaml = """
                threshold: 0.3
                topics:
                  - code: sport
                    label: Sport
                    exemplar:
                      - "Striker scores twice"
                """;
        assertThatThrownBy(() -> Taxonomy.parse(yaml, "my-topics.yaml"))
                .hasMessageStartingWith("my-topics.yaml:5:5: topics[0].exemplar unknown field")
                .hasMessageContaining("exemplars");
        assertThatThrownBy(() -> Taxonomy.parse("treshold: 0.3\ntopics: [ { code: a } ]\n", "t.yaml"))
                .hasMessageStartingWith("t.yaml:1:1: treshold unknown field");
        assertThatThrownBy(() -> Taxonomy.parse("topics: [ { code: a, exemplars: { x: 1 } } ]", "t.yaml"))
                .hasMessageContaining("t.yaml:1:33").hasMessageContaining("exemplars must be a list");
        assertThatThrownBy(() -> Taxonomy.parse("topics: [ { code: a }, { code: a } ]", "t.yaml"))
                .hasMessageContaining("duplicate code 'a'");
    }

    @Test
    void theBundledTopicsEachHaveADescriptionAndAFewDozenExemplars() {
        for (Taxonomy.TopicDefinition t : Taxonomy.loadDefault().topics()) {
            assertThat(t.description()).as(t.code()).isNotBlank();
            assertThat(t.exemplars()).as(t.code()).hasSizeGreaterThanOrEqualTo(25).doesNotHaveDuplicates();
        }
    }
}
