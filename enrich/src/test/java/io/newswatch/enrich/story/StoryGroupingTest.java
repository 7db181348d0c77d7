package io.newswatch.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newswatch.articles.ArticleFiles;
import io.newswatch.articles.ArticleJson;
import io.newswatch.enrich.SharedNlp;
import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;
import io.newswatch.schemas.Source;

/**
 * Story grouping on hand-written articles: the two samples, two more outlets' write-ups of the
 * Westminster attack, a syndicated copy, and other events sharing people, places or topic with it.
 */
class StoryGroupingTest {

    /** article id → expected story label, in processing order. */
    private static final Map<String, String> expected = new LinkedHashMap<>();
    private static final Map<String, String> assigned = new LinkedHashMap<>();
    private static final List<RawArticle> articles = new ArrayList<>();
    private static final Map<String, StorySignature> signatures = new LinkedHashMap<>();

    @BeforeAll
    static void assignStories() throws Exception {
        Path samples = Path.of(StoryGroupingTest.class.getResource("/samples").toURI());
        Path stories = Path.of(StoryGroupingTest.class.getResource("/stories/stories.jsonl").toURI());
        ArticleFiles files = new ArticleFiles(new ArticleJson(), SharedNlp.CLOCK);
        files.read(samples, sink(articles));
        for (RawArticle a : articles) {
            expected.put(a.getId(), "westminster");
        }
        RawArticle original = articles.get(0);
        RawArticle syndicated = RawArticle.newBuilder(original).setId("syndicated-copy")
                .setSource(new Source("Partner Site", "partner.example", null, List.of()))
                .setTitle("Terror attacker used WhatsApp before assault, officials say")
                .setText(original.getText() + "\n\nDistributed by a news agency. All rights reserved.")
                .setOrigin(Origin.FEED).build();
        articles.add(syndicated);
        expected.put(syndicated.getId(), "westminster");
        List<RawArticle> others = new ArrayList<>();
        files.read(stories, sink(others));
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(stories, StandardCharsets.UTF_8)) {
            JsonNode n = json.readTree(line);
            expected.put(n.get("id").asText(), n.get("story").asText());
        }
        articles.addAll(others);
        InMemoryStories index = new InMemoryStories(Duration.ofHours(72));
        for (RawArticle a : articles) {
            EnrichedArticle e = index.assign(SharedNlp.enricher().enrich(a));
            assigned.put(a.getId(), e.getStoryId());
            signatures.put(a.getId(), StorySignatures.of(e));
        }
    }

    private static ArticleFiles.Sink sink(List<RawArticle> into) {
        return new ArticleFiles.Sink() {
            @Override
            public void article(RawArticle article, Path file) {
                into.add(article);
            }

            @Override
            public void invalid(String where, String message) {
                throw new AssertionError(where + ": " + message);
            }
        };
    }

    @Test
    void articlesGroupExactlyByEvent() {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<String> ids = new ArrayList<>(expected.keySet());
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                boolean same = expected.get(ids.get(i)).equals(expected.get(ids.get(j)));
                boolean grouped = assigned.get(ids.get(i)).equals(assigned.get(ids.get(j)));
                if (same && grouped) {
                    tp++;
                } else if (grouped) {
                    fp++;
                    wrong.add("merged " + ids.get(i) + " + " + ids.get(j) + ": "
                            + StoryIndex.similarity(signatures.get(ids.get(i)), signatures.get(ids.get(j))));
                } else if (same) {
                    fn++;
                    wrong.add("split " + ids.get(i) + " / " + ids.get(j) + ": "
                            + StoryIndex.similarity(signatures.get(ids.get(i)), signatures.get(ids.get(j))));
                }
            }
        }
        System.out.println("assigned: " + assigned);
        System.out.printf("story pairs: %d true, %d false merges, %d missed%n", tp, fp, fn);
        assertThat(wrong).isEmpty();
    }

    @Test
    void similarityExplainsCopyVersusParaphrase() {
        RawArticle sample0 = articles.get(0);
        RawArticle sample1 = articles.get(1);
        RawArticle copy = articles.get(2);
        StorySignature s0 = StorySignatures.of(SharedNlp.enricher().enrich(sample0));
        StorySignature s1 = StorySignatures.of(SharedNlp.enricher().enrich(sample1));
        StorySignature sc = StorySignatures.of(SharedNlp.enricher().enrich(copy));
        StoryIndex.Similarity paraphrase = StoryIndex.similarity(s0, s1);
        StoryIndex.Similarity syndication = StoryIndex.similarity(s0, sc);
        System.out.println("paraphrase: " + paraphrase + "\nsyndication: " + syndication);
        assertThat(syndication.jaccard()).isGreaterThan(0.8);
        assertThat(paraphrase.jaccard()).isLessThan(syndication.jaccard());
        assertThat(paraphrase.sameStory()).isTrue();
    }

    @Test
    void articlesOutsideTheWindowStartANewStory() {
        RawArticle sample0 = articles.get(0);
        sample0 = RawArticle.newBuilder(sample0).setPublishedAt(Instant.parse("2017-03-26T00:00:00Z")).build();
        RawArticle later = RawArticle.newBuilder(sample0).setId("much-later")
                .setPublishedAt(Instant.parse("2017-04-10T00:00:00Z")).build();
        InMemoryStories index = new InMemoryStories(Duration.ofHours(72));
        String first = index.assign(SharedNlp.enricher().enrich(sample0)).getStoryId();
        String second = index.assign(SharedNlp.enricher().enrich(later)).getStoryId();
        assertThat(second).isNotEqualTo(first).isEqualTo("much-later");
    }
}
