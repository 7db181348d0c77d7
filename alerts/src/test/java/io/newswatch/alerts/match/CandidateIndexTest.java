package io.newswatch.alerts.match;

import static io.newswatch.alerts.Articles.enriched;
import static io.newswatch.alerts.Articles.entity;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;

import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.Entity;
import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Topic;

class CandidateIndexTest {

    private static final CandidateKeys KEYS = new CandidateKeys(TermRarity.english());
    private static final Topic CRIME = new Topic("crime-law-justice", "Crime, law and justice", 0.8);

    private record Indexed(List<String> ids, CandidateIndex index) {
        List<String> candidates(String text, List<Entity> entities, List<Topic> topics) throws Exception {
            EnrichedArticle a = enriched("a", "s", "title", text, entities, topics);
            MemoryIndex memory = new MemoryIndex();
            for (IndexableField f : ArticleFields.document(a)) {
                memory.addField(f, ArticleFields.analyzer());
            }
            FixedBitSet bits = index.candidates(memory.createSearcher().getIndexReader().leaves().get(0).reader());
            List<String> result = new ArrayList<>();
            for (int i = bits.nextSetBit(0); i != DocIdSetIterator.NO_MORE_DOCS;
                    i = i + 1 < bits.length() ? bits.nextSetBit(i + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                result.add(ids.get(i));
            }
            return result;
        }

        List<String> candidates(String text) throws Exception {
            return candidates(text, List.of(), List.of());
        }
    }

    private static Indexed index(String yaml) throws Exception {
        CompiledWatchlists compiled = Matchers.compiled(yaml);
        assertThat(compiled.problems()).isEmpty();
        List<List<CandidateKeys.Requirement>> requirements = new ArrayList<>();
        for (CompiledWatchlist w : compiled.watchlists()) {
            requirements.add(KEYS.requirements(w.query()));
        }
        return new Indexed(compiled.watchlists().stream().map(w -> w.watchlist().id()).toList(),
                new CandidateIndex(requirements));
    }

    private static List<String> firstKeys(String yaml) throws Exception {
        CompiledWatchlist w = Matchers.compiled(yaml).watchlists().get(0);
        return KEYS.requirements(w.query()).get(0).keys().stream().map(Object::toString).sorted().toList();
    }

    @Test
    void aConjunctionIsFiledUnderItsRarestWordAndNeedsBothOfItsTwoRarest() throws Exception {
        String yaml = "watchlists:\n  - { id: z, match: { any: [ { query: 'people AND zeppelin AND airship' } ] } }\n";
        assertThat(firstKeys(yaml)).containsExactly("word:airship");
        Indexed idx = index(yaml);
        assertThat(idx.candidates("People said nothing.")).isEmpty();
        assertThat(idx.candidates("An airship flew.")).as("only one of the two rarest").isEmpty();
        assertThat(idx.candidates("The airship, a zeppelin.")).as("the commonest need not be there").containsExactly("z");
    }

    @Test
    void everyBranchOfADisjunctionIsAKey() throws Exception {
        String yaml = """
                watchlists:
                  - { id: or, match: { any: [ { query: 'zeppelin OR airship' }, { phrase: "hot air balloon" } ] } }
                """;
        assertThat(firstKeys(yaml)).containsExactly("word:airship", "word:balloon", "word:zeppelin");
        Indexed idx = index(yaml);
        assertThat(idx.candidates("An airship.")).containsExactly("or");
        assertThat(idx.candidates("A zeppelin.")).containsExactly("or");
        assertThat(idx.candidates("A balloon.")).containsExactly("or");
        assertThat(idx.candidates("A kite.")).isEmpty();
    }

    @Test
    void wildcardsAreKeyedByTheirLeadingLetters() throws Exception {
        Indexed idx = index("""
                watchlists:
                  - { id: terror, match: { any: [ { query: 'terror*' } ] } }
                  - { id: pedestrians, match: { any: [ { query: 'pedes?rians' } ] } }
                  - { id: short, match: { all: [ { query: 'te* AND bridge' } ] } }
                """);
        assertThat(idx.candidates("Terrorists were seen.")).containsExactly("terror");
        assertThat(idx.candidates("The tercentenary.")).isEmpty();
        assertThat(idx.candidates("Pedestrians crossed.")).containsExactly("pedestrians");
        assertThat(idx.candidates("A bridge.")).as("a short wildcard adds no key; the word does").containsExactly("short");
    }

    @Test
    void entitiesAndTopicsAreKeys() throws Exception {
        Indexed idx = index("""
                watchlists:
                  - id: masood-crime
                    match:
                      all:
                        - entity: { type: person, name: Khalid Masood, aliases: [Masood] }
                        - topic: { code: crime-law-justice, minScore: 0.5 }
                  - { id: crime, match: { all: [ { topic: crime-law-justice } ] } }
                """);
        String text = "Masood was seen.";
        Entity masood = entity(EntityType.PERSON, "Masood", text);
        assertThat(idx.candidates(text, List.of(masood), List.of(CRIME))).containsExactly("masood-crime", "crime");
        assertThat(idx.candidates(text, List.of(masood), List.of())).isEmpty();
        assertThat(idx.candidates(text, List.of(entity(EntityType.LOCATION, "Masood", text)), List.of(CRIME)))
                .containsExactly("crime");
    }

    @Test
    void commonWordsAreRatedMoreLikelyThanRareOnes() {
        TermRarity r = TermRarity.english();
        assertThat(r.word("said")).isGreaterThan(r.word("airship"));
        assertThat(r.word("airship")).isGreaterThan(r.word("qxzvbnotaword"));
        assertThat(r.prefix("ter")).isGreaterThan(r.prefix("terror")).isGreaterThanOrEqualTo(r.word("terror"));
    }
}
