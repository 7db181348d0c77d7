package io.newswatch.enrich.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    @Test
    void pastItsCapacityTheIndexForgetsTheEarliestRememberedAndStillGroupsTheRest() {
        List<String> deleted = new ArrayList<>();
        StoryIndex index = new StoryIndex(Duration.ofHours(72), 1_000, new StoryIndex.Backing() {
            @Override
            public void put(String articleId, StorySignature signature) {
            }

            @Override
            public void delete(String articleId) {
                deleted.add(articleId);
            }
        });
        List<StorySignature> signatures = GeneratedSignatures.generate(5_000, 3, 2);
        for (StorySignature s : signatures) {
            index.assign(s);
            assertThat(index.size()).isLessThanOrEqualTo(1_000);
        }

        assertThat(index.size()).isEqualTo(1_000);
        assertThat(deleted).hasSize(4_000).startsWith(signatures.get(0).articleId(), signatures.get(1).articleId());
        // A copy of a remembered article still joins its story; one of a forgotten article no longer can.
        StorySignature kept = signatures.get(4_500);
        StorySignature copyOfKept = new StorySignature("copy-kept", "copy-kept", kept.published(), kept.fetched(),
                kept.minHash(), kept.terms(), kept.entities());
        assertThat(index.assign(copyOfKept)).isEqualTo(index.assign(kept));
        StorySignature forgotten = signatures.get(10);
        StorySignature copyOfForgotten = new StorySignature("copy-forgotten", "copy-forgotten", forgotten.published(),
                forgotten.fetched(), forgotten.minHash(), forgotten.terms(), forgotten.entities());
        assertThat(index.assign(copyOfForgotten)).isNotEqualTo(forgotten.articleId());
    }

    @Test
    void compactTermsAndNamesBehaveAsTheMapsAndSetsTheyReplace() {
        java.util.LinkedHashMap<String, Float> terms = new java.util.LinkedHashMap<>();
        terms.put("bridge", 0.8f);
        terms.put("attack", 0.6f);
        StorySignature s = new StorySignature("a", "a", 1L, 1L, new int[0], terms,
                new java.util.LinkedHashSet<>(List.of("khalid masood", "london")));

        assertThat(s.terms()).isEqualTo(terms).containsEntry("attack", 0.6f).doesNotContainKey("river");
        assertThat(s.terms().get(new String("bridge".toCharArray()))).isEqualTo(0.8f);
        assertThat(s.terms().keySet()).containsExactly("bridge", "attack");
        assertThat(s.entities()).containsExactly("khalid masood", "london").contains(new String("london".toCharArray()))
                .doesNotContain("paris");
        assertThat(s.entities()).isEqualTo(Set.of("london", "khalid masood"));
    }

    @Test
    void articlesKeptAfterAPurgeOrARestoreStillGroup() {
        StoryIndex index = new StoryIndex(Duration.ofHours(1), StoryIndex.Backing.NONE);
        int[] old = StorySignatures.minHash(StorySignatures.words("the quick brown fox jumps over the lazy dog"));
        int[] fresh = StorySignatures.minHash(StorySignatures.words("markets fell sharply as investors sold bank shares"));
        Set<String> people = Set.of("khalid masood", "amber rudd");
        index.restore(new StorySignature("a", "a", StorySignature.UNKNOWN, 0, old, Map.of(), Set.of()));
        index.restore(new StorySignature("c", "s", StorySignature.UNKNOWN, 7_200_000, fresh, Map.of(), people));
        index.restore(new StorySignature("c", "s", StorySignature.UNKNOWN, 7_200_000, fresh, Map.of(), people));
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.purge()).isEqualTo(1);
        assertThat(index.assign(new StorySignature("d", "d", StorySignature.UNKNOWN, 7_300_000, fresh, Map.of(), Set.of())))
                .isEqualTo("s");
        // The same people as "s" ("masood" is part of "khalid masood") but no key terms in common: a
        // story of its own, which a copy then joins.
        assertThat(index.assign(new StorySignature("e", "e", StorySignature.UNKNOWN, 7_400_000, old,
                Map.of("attack", 1f), Set.of("masood", "amber rudd")))).isEqualTo("e");
        assertThat(index.assign(new StorySignature("f", "f", StorySignature.UNKNOWN, 7_500_000, old,
                Map.of("attack", 1f), Set.of("masood", "amber rudd", "london")))).isEqualTo("e");
    }

    @Test
    void wordsAreTheLowerCasedRunsOfLettersAndNumbers() {
        String text = "Élan at 10:30, café-au-lait ½ Ⅻ 𝐀𝐁c ΑΘΗΝΑ 東京 don't 😀 x\uD800y";
        List<String> expected = new ArrayList<>();
        Matcher m = Pattern.compile("[\\p{L}\\p{N}]+").matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            expected.add(m.group());
        }
        assertThat(StorySignatures.words(text)).isEqualTo(expected).contains("élan", "½", "ⅻ", "αθηνα", "東京");
    }

    @Test
    void wordHashesAreThoseOfTheUtf8BytesSoStoredSignaturesStillCompare() {
        for (String w : List.of("", "bridge", "élan", "東京", "𝐀𝐁c", "x\uD800y", "ß")) {
            assertThat(StorySignatures.murmurUtf8(w)).as(w).isEqualTo(hashOfBytes(w.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void aNameIsPartOfALongerOneOnlyAsWholeWords() {
        assertThat(StoryIndex.isWordPart("khalid masood", "masood")).isTrue();
        assertThat(StoryIndex.isWordPart("khalid masood", "khalid")).isTrue();
        assertThat(StoryIndex.isWordPart("khalid masoodi", "masood")).isFalse();
        assertThat(StoryIndex.isWordPart("masood", "masood")).isFalse();
    }

    /** The word hash as the stored signatures define it: over the UTF-8 bytes, each byte signed. */
    private static int hashOfBytes(byte[] data) {
        int h = 0x1b873593;
        for (byte b : data) {
            h ^= b;
            h *= 0x5bd1e995;
            h ^= h >>> 15;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
