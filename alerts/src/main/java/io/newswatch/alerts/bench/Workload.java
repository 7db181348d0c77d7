package io.newswatch.alerts.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Generates the benchmark's watch-lists (as YAML) and enriched articles by two independent
 * processes that share only the language ({@link Vocabulary}) and what the news is about
 * ({@link World}):
 * <ul>
 * <li>Watch-lists are what analysts write: 40% entities (a person's first name and surname, or an
 * organisation's name of two or three words, with one or two aliases), 30% boolean queries of 2-5
 * ANDed terms, a third of them with an OR-group of two words as one term, a tenth with an excluded term, 15% phrases of
 * 2-3 words, 10% proximity queries, 5% wildcards (a stem of at least 4 letters, mostly ANDed with a
 * word; alone only when at least 8 letters long); a fifth also require a topic. Query words follow
 * the vocabulary's Zipf distribution, except that the 500 commonest words ("the", "said")
 * are required only one time in a hundred, and wildcards are stems of words below rank 5,000: analysts do not watch for them.
 * <li>Articles are news-like text: 300-800 words in sentences of 8-25, words from the whole
 * Zipf distribution (function words included), a handful of "story" words repeated through the
 * article (news is bursty), mentions of 3-7 people and organisations and of a few set phrases
 * chosen by popularity, 1-3 topics.
 * </ul>
 * Also the source of {@code bench pipeline}'s articles and watch-lists.
 */
public final class Workload {

    static final String[] TOPICS = {"politics", "economy-business-finance", "crime-law-justice", "conflict-war-peace",
            "disaster-accident", "health", "science-technology", "environment", "education", "sport",
            "arts-culture-entertainment", "labour", "religion", "society", "weather", "lifestyle-leisure", "human-interest"};
    /** Words this common are almost never a watch-list's required term. */
    static final int COMMON_WORDS = 500;
    /** Analysts truncate specific words (protest*), not everyday ones (follow*). */
    static final int WILDCARD_WORDS = 5000;
    /** The parser limits a file's size, so large sets are split over several files of one directory. */
    private static final int FILE_CHUNK = 20_000;
    private static final String[] SUFFIX_ABBREVIATIONS = {"Grp", "Hldgs", "Pty", "Univ", "Bk", "Cncl", "Inst", "Min",
            "Corp", "Fdn", "Agcy", "Air", "Enrg", "Ptnrs"};

    private final Vocabulary vocabulary;
    private final World world;

    Workload(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.world = new World(vocabulary, 100_000, 30_000, 30_000);
    }

    /** The benchmarks' workload: the bundled vocabulary and a world of 100,000 people. */
    public static Workload standard() {
        return new Workload(new Vocabulary());
    }

    /**
     * Article {@code index} as ingest would publish it (title, text, source; no NLP), published
     * and fetched at {@code published}. Ids are {@code <prefix><index>}.
     */
    public RawArticle rawArticle(String prefix, int index, long seed, Instant published) {
        RawArticle raw = article(index, seed).getArticle();
        String id = prefix + index;
        raw.setId(id);
        raw.setUrl("https://bench.example/" + id);
        raw.setContentHash("h" + id);
        raw.setPublishedAt(published);
        raw.setFetchedAt(published);
        return raw;
    }

    /** Writes {@link #watchlistsYaml} to {@code dir}, split into files the parser accepts. */
    public static void writeWatchlists(String yaml, Path dir) throws IOException {
        Files.createDirectories(dir);
        String[] items = yaml.substring(yaml.indexOf('\n') + 1).split("(?m)^(?=  - id: )");
        StringBuilder chunk = new StringBuilder("watchlists:\n");
        int inChunk = 0;
        int file = 0;
        for (String item : items) {
            if (item.isEmpty()) {
                continue;
            }
            chunk.append(item);
            if (++inChunk == FILE_CHUNK) {
                Files.writeString(dir.resolve(String.format(Locale.ROOT, "w%03d.yaml", file++)), chunk);
                chunk = new StringBuilder("watchlists:\n");
                inChunk = 0;
            }
        }
        if (inChunk > 0) {
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "w%03d.yaml", file)), chunk);
        }
    }

    /** A word an analyst would require: Zipf over the vocabulary below the commonest words, rarely one of those. */
    private String watchedWord(Random r) {
        int from = r.nextInt(100) == 0 ? 0 : COMMON_WORDS;
        return vocabulary.zipf(r, from, vocabulary.size());
    }

    /** {@code count} watch-lists as one YAML document; see the class comment. */
    public String watchlistsYaml(int count, long seed) {
        Random r = new Random(seed);
        StringBuilder y = new StringBuilder(count * 140).append("watchlists:\n");
        for (int i = 0; i < count; i++) {
            y.append("  - id: w").append(i).append("\n    match:\n      all:\n        - ");
            int kind = r.nextInt(100);
            String excluded = null;
            if (kind < 40) {
                entity(r, y);
            } else if (kind < 70) {
                // 2-5 ANDed terms; a third have an OR-group of two words standing for one of them.
                int terms = 2 + r.nextInt(4);
                StringBuilder q = new StringBuilder();
                for (int t = 0; t < terms; t++) {
                    if (t > 0) {
                        q.append(" AND ");
                    }
                    if (t == 0 && r.nextInt(3) == 0) {
                        q.append('(').append(watchedWord(r)).append(" OR ").append(watchedWord(r)).append(')');
                    } else {
                        q.append(watchedWord(r));
                    }
                }
                y.append("query: '").append(q).append("'\n");
                if (r.nextInt(10) == 0) {
                    excluded = watchedWord(r);
                }
            } else if (kind < 85) {
                String phrase = r.nextInt(4) == 0 ? watchedWord(r) + " " + watchedWord(r) : world.watchedCollocation(r);
                y.append("phrase: \"").append(phrase).append("\"\n");
            } else if (kind < 95) {
                String[] pair = r.nextBoolean() ? world.watchedCollocation(r).split(" ")
                        : new String[] {watchedWord(r), watchedWord(r)};
                y.append("query: '\"").append(pair[0]).append(' ').append(pair[pair.length - 1]).append("\"~")
                        .append(2 + r.nextInt(7)).append("'\n");
            } else {
                // A stem, as analysts write them: the word without its last one or two letters (protest* for protests).
                String w = vocabulary.zipf(r, WILDCARD_WORDS, vocabulary.size());
                while (w.length() < 6) {
                    w = vocabulary.zipf(r, WILDCARD_WORDS, vocabulary.size());
                }
                String stem = w.substring(0, Math.max(4, w.length() - 1 - r.nextInt(2)));
                boolean alone = stem.length() >= 8 && r.nextInt(10) < 3;
                y.append("query: '").append(alone ? stem + "*" : stem + "* AND " + watchedWord(r)).append("'\n");
            }
            if (r.nextInt(5) == 0) {
                y.append("        - topic: ").append(TOPICS[r.nextInt(TOPICS.length)]).append('\n');
            }
            if (excluded != null) {
                y.append("      none:\n        - term: ").append(excluded).append('\n');
            }
        }
        return y.toString();
    }

    private void entity(Random r, StringBuilder y) {
        boolean person = r.nextInt(5) < 3;
        List<String> aliases = new ArrayList<>();
        String name;
        if (person) {
            name = world.watchedPerson(r);
            int space = name.indexOf(' ');
            String surname = name.substring(space + 1);
            aliases.add(name.charAt(0) + ". " + surname);
            if (r.nextBoolean()) {
                aliases.add(name.substring(0, space) + " " + (char) ('A' + r.nextInt(26)) + ". " + surname);
            }
        } else {
            name = world.watchedOrganisation(r);
            int last = name.lastIndexOf(' ');
            String suffix = name.substring(last + 1);
            for (int s = 0; s < World.ORG_SUFFIXES.length; s++) {
                if (World.ORG_SUFFIXES[s].equals(suffix)) {
                    aliases.add(name.substring(0, last) + " " + SUFFIX_ABBREVIATIONS[s]);
                }
            }
            if (r.nextBoolean()) {
                aliases.add("The " + name);
            }
        }
        y.append("entity: { type: ").append(person ? "person" : "organization").append(", name: \"").append(name)
                .append("\", aliases: [");
        for (int a = 0; a < aliases.size(); a++) {
            y.append(a > 0 ? ", \"" : "\"").append(aliases.get(a)).append('"');
        }
        y.append("] }\n");
    }

    /** One article; see the class comment. */
    EnrichedArticle article(int index, long seed) {
        Random r = new Random(seed * 31 + index);
        Map<String, Boolean> named = new LinkedHashMap<>();
        for (int i = 2 + r.nextInt(3); i > 0; i--) {
            named.put(world.popularPerson(r), true);
        }
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            named.put(world.popularOrganisation(r), false);
        }
        List<String> names = new ArrayList<>(named.keySet());
        List<String> phrases = new ArrayList<>();
        for (int i = 2 + r.nextInt(5); i > 0; i--) {
            phrases.add(world.popularCollocation(r));
        }
        List<String> story = new ArrayList<>();
        for (int i = 6 + r.nextInt(7); i > 0; i--) {
            story.add(vocabulary.zipf(r, 200, 20_000));
        }
        StringBuilder title = new StringBuilder();
        for (int i = 6 + r.nextInt(5); i > 0; i--) {
            String w = r.nextInt(3) == 0 ? story.get(r.nextInt(story.size())) : vocabulary.zipf(r, 0, vocabulary.size());
            title.append(title.length() == 0 ? Vocabulary.capitalise(w) : " " + w);
        }
        StringBuilder text = new StringBuilder();
        List<List<Mention>> mentions = new ArrayList<>();
        names.forEach(n -> mentions.add(new ArrayList<>()));
        int words = 300 + r.nextInt(500);
        int written = 0;
        while (written < words) {
            int length = 8 + r.nextInt(18);
            for (int i = 0; i < length; i++) {
                if (i > 0) {
                    text.append(' ');
                }
                double x = r.nextDouble();
                if (x < 0.03) {
                    int n = r.nextInt(names.size());
                    String name = names.get(n);
                    // After the first mention a person is called by surname, as in news style.
                    String surface = named.get(name) && !mentions.get(n).isEmpty() ? name.substring(name.indexOf(' ') + 1) : name;
                    mentions.get(n).add(new Mention(surface, Field.TEXT, text.length(), text.length() + surface.length()));
                    text.append(surface);
                } else {
                    String w = x < 0.045 ? phrases.get(r.nextInt(phrases.size()))
                            : x < 0.145 ? story.get(r.nextInt(story.size())) : vocabulary.zipf(r, 0, vocabulary.size());
                    text.append(i == 0 ? Vocabulary.capitalise(w) : w);
                }
            }
            text.append(r.nextInt(6) == 0 ? ".\n\n" : ". ");
            written += length;
        }
        List<Entity> entities = new ArrayList<>();
        for (int n = 0; n < names.size(); n++) {
            if (!mentions.get(n).isEmpty()) {
                entities.add(Entity.newBuilder().setType(named.get(names.get(n)) ? EntityType.PERSON : EntityType.ORGANIZATION)
                        .setName(names.get(n)).setMentions(mentions.get(n)).setCount(mentions.get(n).size())
                        .setSalience(0.5).build());
            }
        }
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            codes.add(TOPICS[r.nextInt(TOPICS.length)]);
        }
        List<Topic> topics = codes.stream().map(c -> new Topic(c, c, 0.3 + 0.7 * r.nextDouble())).toList();
        RawArticle raw = RawArticle.newBuilder().setId("b" + index).setUrl("https://bench.example/" + index)
                .setSource(Source.newBuilder().setName("Bench").setDomain("bench.example").build())
                .setOrigin(Origin.FILE).setTitle(title.toString()).setText(text.toString())
                .setFetchedAt(Instant.EPOCH).setContentHash("h" + index).build();
        return EnrichedArticle.newBuilder().setArticle(raw).setLanguage(new Language("eng", 1.0)).setStoryId("s" + index)
                .setEntities(entities).setTopics(topics).setEnrichedAt(Instant.EPOCH).build();
    }
}
