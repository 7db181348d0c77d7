package io.newswatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.Entity;
import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Field;
import io.newswatch.schemas.Mention;
import io.newswatch.schemas.Topic;

/** The two sample articles (one event, two outlets) through the offline enrichment. */
class SamplesEnrichmentTest {

    private static final List<EnrichedArticle> enriched = new ArrayList<>();

    @BeforeAll
    static void enrichSamples() throws Exception {
        OfflineEnrichment offline = new OfflineEnrichment(SharedNlp.enricher(), Duration.ofHours(72), SharedNlp.CLOCK);
        List<String> problems = new ArrayList<>();
        offline.run(samples(), enriched::add, problems::add);
        assertThat(problems).isEmpty();
        enriched.forEach(e -> System.out.println(EnrichedJson.toJson(e)));
    }

    private static Path samples() throws URISyntaxException {
        return Path.of(SamplesEnrichmentTest.class.getResource("/samples").toURI());
    }

    @Test
    void bothSamplesAreEnglish() {
        assertThat(enriched).hasSize(2).allSatisfy(e -> {
            assertThat(e.getLanguage().getCode()).isEqualTo("eng");
            assertThat(e.getLanguage().getConfidence()).isGreaterThan(0.5);
        });
    }

    @Test
    void mentionsMergeIntoEntitiesWithCanonicalNamesAndTitlesStripped() {
        for (EnrichedArticle e : enriched) {
            Entity masood = entity(e, "Khalid Masood");
            assertThat(masood.getType()).isEqualTo(EntityType.PERSON);
            assertThat(masood.getMentions()).extracting(Mention::getText).contains("Masood");
            assertThat(masood.getCount()).isGreaterThan(3);
            assertThat(masood.getWatchlistEntityIds()).isNotEmpty();
            Entity rudd = entity(e, "Amber Rudd");
            assertThat(rudd.getType()).isEqualTo(EntityType.PERSON);
            assertThat(rudd.getMentions()).extracting(Mention::getText).contains("Rudd");
            assertThat(e.getEntities()).extracting(Entity::getName)
                    .noneMatch(n -> n.contains("Secretary Amber"))
                    .doesNotContain("Masood", "Rudd");
            assertThat(entity(e, "WhatsApp").getType()).isEqualTo(EntityType.ORGANIZATION);
        }
    }

    @Test
    void mentionOffsetsPointAtTheMentionText() {
        for (EnrichedArticle e : enriched) {
            for (Entity entity : e.getEntities()) {
                for (Mention m : entity.getMentions()) {
                    String field = m.getField() == Field.TITLE ? e.getArticle().getTitle() : e.getArticle().getText();
                    assertThat(field.substring(m.getStart(), m.getEnd())).isEqualTo(m.getText());
                }
            }
        }
    }

    @Test
    void theSalientEntitiesAreThePeopleTheStoryIsAbout() {
        for (EnrichedArticle e : enriched) {
            List<String> top = e.getEntities().stream().limit(4).map(Entity::getName).toList();
            assertThat(top).contains("Khalid Masood");
        }
    }

    @Test
    void topicsAreTerrorismRelated() {
        for (EnrichedArticle e : enriched) {
            assertThat(e.getTopics()).extracting(Topic::getCode)
                    .containsAnyOf("conflict-war-peace", "crime-law-justice");
            assertThat(e.getTopics()).allSatisfy(t -> assertThat(t.getScore()).isBetween(0.0, 1.0));
        }
    }

    @Test
    void theTwoWriteUpsShareOneStory() {
        assertThat(enriched.get(0).getStoryId()).isEqualTo(enriched.get(1).getStoryId());
    }

    private static Entity entity(EnrichedArticle e, String name) {
        return e.getEntities().stream().filter(x -> x.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not among " + e.getEntities().stream()
                        .map(x -> x.getType() + ":" + x.getName()).toList()));
    }
}
