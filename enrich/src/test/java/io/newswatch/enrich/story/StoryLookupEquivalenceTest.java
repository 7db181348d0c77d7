package io.newswatch.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The candidate lookup of {@link StoryIndex} picks the same story as comparing with every
 * remembered article, through adds, purges and a restart from the backing store.
 */
class StoryLookupEquivalenceTest {

    @Test
    void indexedLookupPicksTheStoryAFullScanPicks() {
        List<StorySignature> signatures = GeneratedSignatures.generate(6_000, 11, 300);
        // Sorted by article id, as a key-value store lists its contents on restart.
        Map<String, StorySignature> store = new TreeMap<>();
        StoryIndex.Backing backing = new StoryIndex.Backing() {
            @Override
            public void put(String articleId, StorySignature signature) {
                store.put(articleId, signature);
            }

            @Override
            public void delete(String articleId) {
                store.remove(articleId);
            }
        };
        StoryIndex index = new StoryIndex(Duration.ofHours(72), backing);
        Map<String, List<StorySignature>> stories = new TreeMap<>();
        int joined = 0;
        int joinedByEntitiesOnly = 0;
        int purged = 0;
        for (int i = 0; i < signatures.size(); i++) {
            StorySignature s = signatures.get(i);
            String expected = index.storyByFullScan(s);
            assertThat(index.storyByIndex(s)).as("story of %s", s.articleId()).isEqualTo(expected);
            assertThat(index.assign(s)).isEqualTo(expected);
            if (!expected.equals(s.articleId())) {
                joined++;
                if (stories.get(expected).stream().allMatch(m -> StoryIndex.similarity(s, m).jaccard() < StoryIndex.COPY_JACCARD)) {
                    joinedByEntitiesOnly++;
                }
            }
            stories.computeIfAbsent(expected, k -> new ArrayList<>()).add(s);
            if (i % 250 == 249) {
                purged += index.purge();
            }
            if (i == 2_500) {
                StoryIndex restarted = new StoryIndex(Duration.ofHours(72), backing);
                List.copyOf(store.values()).forEach(restarted::restore);
                assertThat(restarted.size()).isEqualTo(index.size());
                index = restarted;
            }
        }
        // The comparison covered both rules, forgetting, and articles that start stories.
        assertThat(joined).isBetween(signatures.size() / 5, signatures.size() * 3 / 4);
        assertThat(joinedByEntitiesOnly).as("joined by entities only, of %d", joined).isGreaterThan(100);
        assertThat(joined - joinedByEntitiesOnly).as("joined as copies").isGreaterThan(50);
        assertThat(purged).isGreaterThan(1_000);
    }
}
