package io.newswatch.enrich.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.newswatch.schemas.Entity;
import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Field;
import io.newswatch.schemas.Mention;

/**
 * Merges mentions into entities. Within an article a short form refers to the longer name it is
 * part of ("Masood" → "Khalid Masood", "Rudd" → "Amber Rudd"); an all-capitals short form can be
 * the initials of a longer name ("FBI"). The canonical name is the longest form used. Dictionary
 * (watch-list) mentions decide the type and carry their ids to the whole entity.
 */
public final class EntityResolver {

    /** Last words that make a name a place. */
    private static final Set<String> LOCATION_HEADS = Set.of("bridge", "street", "square", "road", "avenue", "river",
            "lake", "mountain", "mountains", "island", "islands", "valley", "bay", "park", "airport", "station",
            "county", "province", "district", "sea", "ocean", "gulf", "strait", "peninsula", "stadium", "arena", "delta");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[\\s\\-]+");

    private EntityResolver() {
    }

    /** A group of mentions of one entity. */
    private static final class Cluster {
        final List<FoundMention> mentions = new ArrayList<>();
        String canonical;
        String[] canonicalTokens;

        Cluster(String canonical) {
            this.canonical = canonical;
            this.canonicalTokens = tokens(canonical);
        }
    }

    /**
     * @param mentions     cleaned mentions from the model and the dictionary, title and text
     * @param titleLength  length of the title, for salience
     * @param textLength   length of the text, for salience
     */
    public static List<Entity> resolve(List<FoundMention> mentions, int titleLength, int textLength) {
        // Forms: one per distinct surface name, longest (in tokens) first.
        Map<String, List<FoundMention>> byForm = new LinkedHashMap<>();
        for (FoundMention m : mentions) {
            if (m.text().isBlank()) {
                continue;
            }
            byForm.computeIfAbsent(key(m.text()), k -> new ArrayList<>()).add(m);
        }
        List<String> forms = new ArrayList<>(byForm.keySet());
        Map<String, Integer> tokenCounts = new HashMap<>();
        forms.forEach(f -> tokenCounts.put(f, tokens(f).length));
        forms.sort(Comparator.<String>comparingInt(tokenCounts::get).reversed()
                .thenComparing(Comparator.<String>comparingInt(f -> byForm.get(f).size()).reversed()));
        List<Cluster> clusters = new ArrayList<>();
        for (String form : forms) {
            List<FoundMention> ms = byForm.get(form);
            Cluster target = findContaining(clusters, ms.get(0).text(), dominantType(ms));
            if (target == null) {
                target = new Cluster(ms.get(0).text());
                clusters.add(target);
            }
            target.mentions.addAll(ms);
        }
        clusters.addAll(placedApart(clusters));
        int maxCount = clusters.stream().mapToInt(c -> c.mentions.size()).max().orElse(1);
        List<Entity> entities = new ArrayList<>();
        for (Cluster c : clusters) {
            entities.add(toEntity(c, maxCount, titleLength, textLength));
        }
        entities.sort(Comparator.comparingDouble(Entity::getSalience).reversed().thenComparing(Entity::getName));
        return entities;
    }

    /**
     * A name typed by its place on the page keeps that type when its entity's vote goes the other
     * way: the dateline "LEEDS" is the city where the rest of a results page calls the club "Leeds".
     * Such mentions are taken out of their cluster and returned as clusters of their own, one per type.
     */
    private static List<Cluster> placedApart(List<Cluster> clusters) {
        List<Cluster> apart = new ArrayList<>();
        for (Cluster c : clusters) {
            EntityType type = dominantType(c.mentions);
            Map<EntityType, List<FoundMention>> byType = new EnumMap<>(EntityType.class);
            for (FoundMention m : c.mentions) {
                if (m.placed() && !m.fromDictionary() && m.type() != type) {
                    byType.computeIfAbsent(m.type(), t -> new ArrayList<>()).add(m);
                }
            }
            for (List<FoundMention> placed : byType.values()) {
                c.mentions.removeAll(placed);
                Cluster split = new Cluster(placed.stream().map(FoundMention::text)
                        .max(Comparator.comparingInt(String::length)).orElseThrow());
                split.mentions.addAll(placed);
                apart.add(split);
            }
        }
        return apart;
    }

    /** The cluster whose canonical name contains {@code form} as whole tokens (or as initials), if one. */
    private static Cluster findContaining(List<Cluster> clusters, String form, EntityType type) {
        String[] t = tokens(form);
        Cluster best = null;
        for (Cluster c : clusters) {
            if (c.canonicalTokens.length <= t.length) {
                continue;
            }
            EntityType ct = dominantType(c.mentions);
            boolean compatible = ct == type || type == EntityType.MISC || ct == EntityType.MISC
                    // The model often types a surname alone differently from the full name.
                    || (ct == EntityType.PERSON && t.length == 1);
            if (!compatible) {
                continue;
            }
            // A single word only stands for a longer name if that is a person's ("Masood"); "British"
            // is not "British Security".
            boolean run = containsRun(c.canonicalTokens, t) && (t.length > 1 || ct == EntityType.PERSON);
            if (run || isInitials(form, c.canonicalTokens)) {
                if (best == null || c.mentions.size() > best.mentions.size()) {
                    best = c;
                }
            }
        }
        return best;
    }

    private static boolean containsRun(String[] longer, String[] shorter) {
        for (int i = 0; i + shorter.length <= longer.length; i++) {
            boolean all = true;
            for (int j = 0; j < shorter.length && all; j++) {
                all = longer[i + j].equalsIgnoreCase(shorter[j]);
            }
            if (all) {
                // A single generic word ("Bridge", "Police") is not enough to tie to a longer name.
                return shorter.length > 1 || Character.isUpperCase(shorter[0].charAt(0)) && shorter[0].length() > 2;
            }
        }
        return false;
    }

    private static boolean isInitials(String form, String[] longer) {
        if (form.length() < 2 || !form.equals(form.toUpperCase(Locale.ROOT)) || form.contains(" ")) {
            return false;
        }
        StringBuilder initials = new StringBuilder();
        for (String w : longer) {
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
                initials.append(w.charAt(0));
            }
        }
        return initials.toString().equals(form.replace(".", ""));
    }

    /**
     * The entity's type: a watch-list name decides; otherwise a vote over the mentions weighted by
     * the model's probability, a longer form counting more (a full name typed PER outweighs its
     * surname typed ORG twice).
     */
    private static EntityType dominantType(List<FoundMention> mentions) {
        Map<EntityType, Double> votes = new EnumMap<>(EntityType.class);
        for (FoundMention m : mentions) {
            if (m.fromDictionary()) {
                return m.type();
            }
            int tokens = tokens(m.text()).length;
            votes.merge(m.type(), m.confidence() * (tokens > 1 ? 2.0 * tokens : 1.0), Double::sum);
        }
        return votes.entrySet().stream()
                .max(Map.Entry.<EntityType, Double>comparingByValue()
                        .thenComparing(e -> e.getKey() == EntityType.MISC ? 0 : 1))
                .map(Map.Entry::getKey).orElse(EntityType.MISC);
    }

    private static Entity toEntity(Cluster c, int maxCount, int titleLength, int textLength) {
        c.mentions.sort(Comparator.comparing(FoundMention::field).thenComparingInt(FoundMention::start));
        Set<String> ids = new LinkedHashSet<>();
        List<Mention> mentions = new ArrayList<>();
        boolean inTitle = false;
        int firstInText = Integer.MAX_VALUE;
        for (FoundMention m : c.mentions) {
            ids.addAll(m.watchlistIds());
            mentions.add(new Mention(m.text(), m.field(), m.start(), m.end()));
            if (m.field() == Field.TITLE) {
                inTitle = true;
            } else {
                firstInText = Math.min(firstInText, m.start());
            }
        }
        // Salience: how often (relative to the most mentioned entity), whether in the title, and how
        // early in the text the entity first appears.
        double frequency = (double) c.mentions.size() / maxCount;
        double early = firstInText == Integer.MAX_VALUE ? 0.0 : 1.0 - (double) firstInText / Math.max(1, textLength);
        double salience = 0.5 * frequency + 0.3 * (inTitle ? 1.0 : 0.0) + 0.2 * early;
        EntityType type = dominantType(c.mentions);
        boolean curated = c.mentions.stream().anyMatch(FoundMention::fromDictionary);
        if (!curated && type != EntityType.PERSON && LOCATION_HEADS.contains(
                c.canonicalTokens[c.canonicalTokens.length - 1].toLowerCase(Locale.ROOT))) {
            // The CoNLL models often call bridges and streets organisations.
            type = EntityType.LOCATION;
        }
        return Entity.newBuilder()
                .setType(type)
                .setName(c.canonical)
                .setMentions(mentions)
                .setCount(mentions.size())
                .setSalience(Math.round(salience * 1000) / 1000.0)
                .setWatchlistEntityIds(new ArrayList<>(ids))
                .build();
    }

    private static String key(String name) {
        return WHITESPACE.matcher(name.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    static String[] tokens(String name) {
        return TOKEN_SEPARATORS.split(name.strip());
    }
}
