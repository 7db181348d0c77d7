package io.newswatch.enrich.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Field;
import io.newswatch.watchlist.Clause;
import io.newswatch.watchlist.Watchlist;

/**
 * Known names: the entity clauses of the watch-lists (names and aliases), matched case-sensitively
 * on word boundaries. A match lifts recall where the model misses a name and attaches the
 * watch-list entity ids.
 */
public final class EntityDictionary {

    /** One known name. {@code id} is the clause id, or {@code type:name} when the clause has none. */
    public record Entry(EntityType type, String canonical, String id) {
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final EntityDictionary EMPTY = new EntityDictionary(Map.of());

    private final Map<String, List<Entry>> byName;
    // A trie rather than one regex alternation: thousands of watch-list names made the regex cost
    // grow with the number of names at every position of every article.
    private final NameTrie names = new NameTrie();

    private EntityDictionary(Map<String, List<Entry>> byName) {
        this.byName = byName;
        for (String name : byName.keySet()) {
            names.add(name);
        }
    }

    public static EntityDictionary empty() {
        return EMPTY;
    }

    public static EntityDictionary fromWatchlists(List<Watchlist> watchlists) {
        List<Clause.Entity> entities = new ArrayList<>();
        for (Watchlist w : watchlists) {
            collect(w.match(), entities);
        }
        return of(entities);
    }

    public static EntityDictionary of(List<Clause.Entity> entities) {
        Map<String, List<Entry>> byName = new HashMap<>();
        for (Clause.Entity e : entities) {
            String id = e.id() != null ? e.id() : e.type().name().toLowerCase(Locale.ROOT) + ":" + e.name();
            Entry entry = new Entry(e.type(), e.name(), id);
            for (String name : e.names()) {
                String key = normalise(name);
                if (key.length() < 2) {
                    continue;
                }
                List<Entry> list = byName.computeIfAbsent(key, k -> new ArrayList<>());
                if (!list.contains(entry)) {
                    list.add(entry);
                }
            }
        }
        return new EntityDictionary(byName);
    }

    private static void collect(Clause clause, List<Clause.Entity> into) {
        if (clause instanceof Clause.Entity e) {
            into.add(e);
        } else if (clause instanceof Clause.Any any) {
            any.clauses().forEach(c -> collect(c, into));
        } else if (clause instanceof Clause.All all) {
            all.clauses().forEach(c -> collect(c, into));
        } else if (clause instanceof Clause.None none) {
            none.clauses().forEach(c -> collect(c, into));
        }
    }

    public int size() {
        return byName.size();
    }

    /** Every known name in {@code text}, longest first at each position, on word boundaries. */
    public List<FoundMention> find(String text, Field field) {
        if (byName.isEmpty() || text.isEmpty()) {
            return List.of();
        }
        List<FoundMention> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int end = startsAWord(text, i) ? names.longestAt(text, i) : -1;
            if (end < 0) {
                i++;
                continue;
            }
            String surface = text.substring(i, end);
            List<Entry> entries = byName.get(normalise(surface));
            Set<String> ids = new LinkedHashSet<>();
            entries.forEach(e -> ids.add(e.id()));
            found.add(new FoundMention(entries.get(0).type(), field, i, end, surface, true, ids));
            i = end;
        }
        return found;
    }

    private static boolean startsAWord(String text, int i) {
        if (i == 0) {
            return true;
        }
        if (Character.isLowSurrogate(text.charAt(i)) && Character.isHighSurrogate(text.charAt(i - 1))) {
            return false;
        }
        return !NameTrie.isWordChar(text.codePointBefore(i));
    }

    private static String normalise(String name) {
        return WHITESPACE.matcher(name.strip()).replaceAll(" ");
    }
}
