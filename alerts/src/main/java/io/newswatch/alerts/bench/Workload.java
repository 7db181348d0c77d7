package io.newswatch.alerts.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.Entity;
import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Field;
import io.newswatch.schemas.Language;
import io.newswatch.schemas.Mention;
import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;
import io.newswatch.schemas.Source;
import io.newswatch.schemas.Topic;

/**
 * Generates the benchmark's watch-lists (as YAML) and enriched articles, independently, from the
 * same broad English frequency distribution. See the README's benchmark section for the mix.
 */
final class Workload {

    static final String[] TOPICS = {"politics", "economy-business-finance", "crime-law-justice", "conflict-war-peace",
            "disaster-accident", "health", "science-technology", "environment", "education", "sport",
            "arts-culture-entertainment", "labour", "religion", "society", "weather", "lifestyle-leisure", "human-interest"};
    private static final String[] ORG_SUFFIXES = {"Group", "Holdings", "Party", "University", "Bank", "Council",
            "Institute", "Ministry", "Corporation", "Foundation"};
    /**
     * Watch-list words come from below the 1,000 most frequent words: analysts pick specific words
     * (function words and the commonest nouns would fire on every article).
     */
    private static final int CONTENT_FROM = 1000;

    private final Vocabulary vocabulary;

    Workload(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    private String content(Random r) {
        return vocabulary.zipf(r, CONTENT_FROM, vocabulary.words.size());
    }

    private String person(Random r) {
        return Vocabulary.capitalise(vocabulary.any(r, vocabulary.firstNames)) + " "
                + Vocabulary.capitalise(vocabulary.any(r, vocabulary.surnames));
    }

    private String organisation(Random r) {
        return Vocabulary.capitalise(content(r)) + " " + ORG_SUFFIXES[r.nextInt(ORG_SUFFIXES.length)];
    }

    /**
     * {@code count} watch-lists: 40% entities (two-word names with one or two aliases), 30% boolean
     * queries of 2-5 terms, 20% phrases and proximity queries, 10% wildcards (half of them next to a
     * required term); a fifth also require a topic.
     */
    String watchlistsYaml(int count, long seed) {
        Random r = new Random(seed);
        StringBuilder y = new StringBuilder(count * 120).append("watchlists:\n");
        for (int i = 0; i < count; i++) {
            y.append("  - id: w").append(i).append("\n    match:\n      all:\n        - ");
            int kind = r.nextInt(10);
            if (kind < 4) {
                boolean person = r.nextBoolean();
                String name = person ? person(r) : organisation(r);
                String alias = person ? name.charAt(0) + ". " + name.substring(name.indexOf(' ') + 1)
                        : name.substring(0, name.indexOf(' ')) + " " + ORG_SUFFIXES[r.nextInt(ORG_SUFFIXES.length)];
                y.append("entity: { type: ").append(person ? "person" : "organization").append(", name: \"").append(name)
                        .append("\", aliases: [\"").append(alias).append('"');
                if (r.nextBoolean()) {
                    y.append(", \"").append(person ? person(r) : organisation(r)).append('"');
                }
                y.append("] }\n");
            } else if (kind < 7) {
                // (a OR b) AND c ...: 2-5 terms, at most one OR-group of two
                int terms = 2 + r.nextInt(4);
                StringBuilder q = new StringBuilder();
                boolean orGroup = r.nextInt(3) == 0;
                for (int t = 0; t < terms; t++) {
                    if (t > 0) {
                        q.append(" AND ");
                    }
                    if (orGroup && t == 0) {
                        q.append('(').append(content(r)).append(" OR ").append(content(r)).append(')');
                        t++;
                    } else {
                        q.append(content(r));
                    }
                }
                y.append("query: '").append(q).append("'\n");
            } else if (kind < 9) {
                String a = content(r);
                String b = content(r);
                y.append(r.nextBoolean() ? "phrase: \"" + a + " " + b + "\"\n"
                        : "query: '\"" + a + " " + b + "\"~" + (2 + r.nextInt(8)) + "'\n");
            } else {
                // a stem, as analysts write them: protest* for protests, protesters...
                String w = content(r);
                while (w.length() < 7) {
                    w = content(r);
                }
                String wildcard = w.substring(0, w.length() - 1 - r.nextInt(2)) + "*";
                y.append("query: '").append(r.nextBoolean() ? wildcard : wildcard + " AND " + content(r)).append("'\n");
            }
            if (r.nextInt(5) == 0) {
                y.append("        - topic: ").append(TOPICS[r.nextInt(TOPICS.length)]).append('\n');
            }
        }
        return y.toString();
    }

    /** An article of 300-800 words in sentences of 8-25, naming 3-8 people and organisations, with 1-3 topics. */
    EnrichedArticle article(int index, long seed) {
        Random r = new Random(seed * 31 + index);
        List<String> names = new ArrayList<>();
        List<Boolean> isPerson = new ArrayList<>();
        for (int i = 3 + r.nextInt(6); i > 0; i--) {
            boolean person = r.nextBoolean();
            names.add(person ? person(r) : organisation(r));
            isPerson.add(person);
        }
        String title = Vocabulary.capitalise(content(r)) + " " + content(r) + " " + content(r) + " " + content(r);
        StringBuilder text = new StringBuilder();
        int words = 300 + r.nextInt(500);
        int written = 0;
        List<Mention>[] mentions = newMentions(names.size());
        while (written < words) {
            int length = 8 + r.nextInt(18);
            for (int i = 0; i < length; i++) {
                if (i > 0) {
                    text.append(' ');
                }
                if (r.nextInt(25) == 0) {
                    int n = r.nextInt(names.size());
                    mentions[n].add(new Mention(names.get(n), Field.TEXT, text.length(), text.length() + names.get(n).length()));
                    text.append(names.get(n));
                } else {
                    String w = vocabulary.zipf(r, 0, vocabulary.words.size());
                    text.append(i == 0 ? Vocabulary.capitalise(w) : w);
                }
            }
            text.append(r.nextInt(6) == 0 ? ".\n\n" : ". ");
            written += length;
        }
        List<Entity> entities = new ArrayList<>();
        for (int n = 0; n < names.size(); n++) {
            if (!mentions[n].isEmpty()) {
                entities.add(Entity.newBuilder().setType(isPerson.get(n) ? EntityType.PERSON : EntityType.ORGANIZATION)
                        .setName(names.get(n)).setMentions(mentions[n]).setCount(mentions[n].size()).setSalience(0.5).build());
            }
        }
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            codes.add(TOPICS[r.nextInt(TOPICS.length)]);
        }
        List<Topic> topics = codes.stream().map(c -> new Topic(c, c, 0.3 + 0.7 * r.nextDouble())).toList();
        RawArticle raw = RawArticle.newBuilder().setId("b" + index).setUrl("https://bench.example/" + index)
                .setSource(Source.newBuilder().setName("Bench").setDomain("bench.example").build())
                .setOrigin(Origin.FILE).setTitle(title).setText(text.toString())
                .setFetchedAt(Instant.EPOCH).setContentHash("h" + index).build();
        return EnrichedArticle.newBuilder().setArticle(raw).setLanguage(new Language("eng", 1.0)).setStoryId("s" + index)
                .setEntities(entities).setTopics(topics).setEnrichedAt(Instant.EPOCH).build();
    }

    @SuppressWarnings("unchecked")
    private static List<Mention>[] newMentions(int n) {
        List<Mention>[] m = new List[n];
        for (int i = 0; i < n; i++) {
            m[i] = new ArrayList<>();
        }
        return m;
    }
}
