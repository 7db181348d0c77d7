package io.newswatch.enrich;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

import io.newswatch.articles.ArticleFiles;
import io.newswatch.articles.ArticleJson;
import io.newswatch.enrich.story.InMemoryStories;
import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.RawArticle;

/** The enrichment of the stream, without Kafka: files in, enriched articles out, stories in memory. */
public final class OfflineEnrichment {

    /** Counts of one run. */
    public record Result(int enriched, int invalid, int failed) {
    }

    private final Enricher enricher;
    private final InMemoryStories stories;
    private final Clock clock;

    public OfflineEnrichment(Enricher enricher, Duration storyWindow, Clock clock) {
        this.enricher = enricher;
        this.stories = new InMemoryStories(storyWindow);
        this.clock = clock;
    }

    public EnrichedArticle enrich(RawArticle article) {
        return stories.assign(enricher.enrich(article));
    }

    /** {@link #enrich(RawArticle)}, timing each step into {@code times} (when the enricher is an {@link NlpEnricher}). */
    public EnrichedArticle enrich(RawArticle article, StageTimes times) {
        EnrichedArticle enriched = enricher instanceof NlpEnricher nlp ? nlp.enrich(article, times)
                : enricher.enrich(article);
        long t = StageTimes.now();
        stories.assign(enriched);
        times.lap(StageTimes.Stage.STORY, t);
        return enriched;
    }

    /** Enriches every article under {@code input}; problems go to {@code problems} and do not stop the run. */
    public Result run(Path input, Consumer<EnrichedArticle> out, Consumer<String> problems) throws IOException {
        int[] counts = new int[3];
        new ArticleFiles(new ArticleJson(), clock).read(input, new ArticleFiles.Sink() {
            @Override
            public void article(RawArticle article, Path file) {
                try {
                    out.accept(enrich(article));
                    counts[0]++;
                } catch (RuntimeException e) {
                    counts[2]++;
                    problems.accept(file + ": article " + article.getId() + ": " + e);
                }
            }

            @Override
            public void invalid(String where, String message) {
                counts[1]++;
                problems.accept(where + ": " + message);
            }
        });
        return new Result(counts[0], counts[1], counts[2]);
    }
}
