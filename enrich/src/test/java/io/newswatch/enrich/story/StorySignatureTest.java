package io.newswatch.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StorySignatureTest {

    @Test
    void signaturesSurviveTheStateStoreFormat() {
        StorySignature s = new StorySignature("a", "s", 1000L, 2000L, new int[] {3, -4, 5}, Map.of("bridge", 0.5f),
                Set.of("khalid masood"));
        StorySignature back = StorySignature.fromBytes(s.toBytes());
        assertThat(back.articleId()).isEqualTo("a");
        assertThat(back.storyId()).isEqualTo("s");
        assertThat(back.published()).isEqualTo(1000L);
        assertThat(back.fetched()).isEqualTo(2000L);
        assertThat(back.minHash()).containsExactly(3, -4, 5);
        assertThat(back.terms()).containsEntry("bridge", 0.5f);
        assertThat(back.entities()).containsExactly("khalid masood");
    }

    @Test
    void copiesJoinAStoryAndPurgeForgetsOldArticlesInTheBacking() {
        List<String> deleted = new ArrayList<>();
        StoryIndex index = new StoryIndex(Duration.ofHours(1), new StoryIndex.Backing() {
            @Override
            public void put(String articleId, StorySignature signature) {
            }

            @Override
            public void delete(String articleId) {
                deleted.add(articleId);
            }
        });
        List<String> words = StorySignatures.words("the quick brown fox jumps over the lazy dog near the river bank today");
        int[] hash = StorySignatures.minHash(words);
        assertThat(index.assign(new StorySignature("a", "a", StorySignature.UNKNOWN, 0, hash, Map.of(), Set.of()))).isEqualTo("a");
        assertThat(index.assign(new StorySignature("b", "b", StorySignature.UNKNOWN, 1000, hash, Map.of(), Set.of()))).isEqualTo("a");
        int[] other = StorySignatures.minHash(StorySignatures.words("markets fell sharply as investors sold bank shares"));
        assertThat(index.assign(new StorySignature("c", "c", StorySignature.UNKNOWN, 7_200_000, other, Map.of(), Set.of())))
                .isEqualTo("c");
        assertThat(index.purge()).isEqualTo(2);
        assertThat(deleted).containsExactly("a", "b");
    }
}
