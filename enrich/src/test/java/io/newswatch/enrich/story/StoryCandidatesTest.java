package io.newswatch.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StoryCandidatesTest {

    private static final long T = 1_700_000_000_000L;

    @Test
    void filesEnoughRowsThatEveryAcceptedCopyShares() {
        assertThat(StoryCandidates.AGREEING).isEqualTo(20);
        assertThat(StoryCandidates.BANDS).isEqualTo(45);
        assertThat(StoryCandidates.rows(new int[StorySignatures.HASHES])).isEqualTo(45);
        int[] empty = new int[StorySignatures.HASHES];
        Arrays.fill(empty, Integer.MAX_VALUE);
        assertThat(StoryCandidates.rows(empty)).isEqualTo(StorySignatures.HASHES);
        assertThat(StoryCandidates.rows(new int[32])).isEqualTo(32);
    }

    @Test
    void findsACopyWhoseOnlyAgreeingFiledRowIsTheLast() {
        Random random = new Random(3);
        int[] original = randomMinHash(random);
        int[] copy = randomMinHash(random);
        // Exactly the fewest agreeing rows the copy rule accepts, all but one beyond the filed rows.
        System.arraycopy(original, 44, copy, 44, 20);
        StoryIndex index = new StoryIndex(StoryIndex.DEFAULT_WINDOW, StoryIndex.Backing.NONE);
        index.assign(signature("original", original, Set.of()));
        StorySignature s = signature("copy", copy, Set.of());
        assertThat(index.candidateCount(s)).isEqualTo(1);
        assertThat(index.assign(s)).isEqualTo("original");

        int[] tooFew = randomMinHash(random);
        System.arraycopy(original, 45, tooFew, 45, 19);
        assertThat(index.assign(signature("other", tooFew, Set.of()))).isEqualTo("other");
    }

    @Test
    void findsByEntitiesOnlyWhenTwoOfThemCanBeShared() {
        Random random = new Random(5);
        StoryIndex index = new StoryIndex(StoryIndex.DEFAULT_WINDOW, StoryIndex.Backing.NONE);
        index.assign(signature("first", randomMinHash(random), Set.of("khalid masood", "westminster bridge", "london")));
        assertThat(index.candidateCount(signature("one", randomMinHash(random), Set.of("london", "paris")))).isZero();
        StorySignature two = signature("two", randomMinHash(random), Set.of("masood", "westminster", "paris"));
        assertThat(index.candidateCount(two)).isEqualTo(1);
        assertThat(index.assign(two)).isEqualTo("first");
    }

    @Test
    void namesInMuchOfTheNewsMakeOnlyTheNewestArticlesCandidatesButCopiesAlways() {
        Random random = new Random(7);
        StoryIndex index = new StoryIndex(StoryIndex.DEFAULT_WINDOW, StoryIndex.Backing.NONE);
        int[] original = randomMinHash(random);
        index.assign(signature("original", original, Set.of("white house", "donald trump")));
        int common = StoryCandidates.ENTITY_CANDIDATES * 3;
        for (int i = 0; i < common; i++) {
            index.assign(signature("a" + i, randomMinHash(random), Set.of("white house", "donald trump", "x" + i)));
        }

        StorySignature paraphrase = signature("paraphrase", randomMinHash(random), Set.of("white house", "donald trump"));
        assertThat(index.candidateCount(paraphrase)).isEqualTo(StoryCandidates.ENTITY_CANDIDATES);
        // The oldest article is past both limits through its entities, but a copy of it is still found.
        int[] copy = original.clone();
        copy[0] = random.nextInt(Integer.MAX_VALUE);
        StorySignature s = signature("copy", copy, Set.of("white house", "donald trump"));
        assertThat(index.candidateCount(s)).isEqualTo(StoryCandidates.ENTITY_CANDIDATES + 1);
        assertThat(index.assign(s)).isEqualTo("original");
    }

    private static int[] randomMinHash(Random random) {
        int[] h = new int[StorySignatures.HASHES];
        for (int i = 0; i < h.length; i++) {
            h[i] = random.nextInt(Integer.MAX_VALUE);
        }
        return h;
    }

    private static StorySignature signature(String id, int[] minHash, Set<String> entities) {
        return new StorySignature(id, id, T, T, minHash, Map.of("attack", 0.8f, "bridge", 0.6f), entities);
    }
}
