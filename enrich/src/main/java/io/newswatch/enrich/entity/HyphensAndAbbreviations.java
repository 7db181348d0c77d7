package io.newswatch.enrich.entity;

import static io.newswatch.enrich.entity.DocumentNames.ADDED;
import static io.newswatch.enrich.entity.DocumentNames.mention;
import static io.newswatch.enrich.entity.DocumentNames.overlapsAny;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.newswatch.enrich.entity.DocumentNames.Token;
import io.newswatch.enrich.gazetteer.Gazetteer;
import io.newswatch.schemas.EntityType;

/**
 * Names the model cannot see as tokens: a name inside a hyphenated modifier ("NATO-led"), and an
 * abbreviation defined in brackets after its long form ("Movement for Democratic Renewal ( MDR )").
 */
final class HyphensAndAbbreviations {

    /** The words after a hyphen that make a name into a modifier: "NATO-led", "al-Qaeda-linked". */
    private static final Set<String> HYPHEN_SUFFIXES = Set.of("led", "backed", "based", "linked", "owned", "run",
            "controlled", "allied", "sponsored", "funded", "born", "brokered", "mediated", "dominated", "held",
            "affiliated", "aligned", "made", "built", "listed", "registered", "headquartered", "era", "style",
            "bound", "inspired", "friendly", "supported", "appointed", "imposed", "administered");

    /** Modifiers made of a place: "Osaka-based", "Texas-born". */
    private static final Set<String> PLACE_SUFFIXES = Set.of("based", "born", "headquartered", "registered");

    /**
     * A name before "-led", "-backed" and the like is a name of its own inside the word
     * ("[NATO]-led"): the word is one token, so neither the model nor the gazetteer sees it. Kept
     * when the document names it elsewhere or the gazetteer knows it, with that type.
     */
    static void hyphenPrefixes(List<FoundMention> mentions, Gazetteer gazetteer, List<List<Token>> sentences) {
        // A name of several words the model read with the modifier ("Santa Clara-based") ends before
        // the hyphen; a single word is taken care of below, with the type the document gives it.
        for (int m = 0; m < mentions.size(); m++) {
            FoundMention x = mentions.get(m);
            int dash = x.text().lastIndexOf('-');
            int space = x.text().lastIndexOf(' ');
            String suffix = dash > 0 ? x.text().substring(dash + 1).toLowerCase(Locale.ROOT) : "";
            if (x.fromDictionary() || space <= 0 || dash <= space + 1 || !HYPHEN_SUFFIXES.contains(suffix)) {
                continue;
            }
            String prefix = x.text().substring(0, dash);
            EntityType type = x.type();
            if (type == EntityType.MISC) {
                // Read as a modifier, the whole was MISC; what is "-based" or "-born" is a place.
                Gazetteer.Entry e = gazetteer.named(prefix.split(" "), false);
                type = e != null ? e.type() : PLACE_SUFFIXES.contains(suffix) ? EntityType.LOCATION : EntityType.MISC;
            }
            if (type != EntityType.MISC) {
                mentions.set(m, new FoundMention(type, x.field(), x.start(), x.start() + dash, prefix, false,
                        x.watchlistIds(), x.confidence(), x.placed()));
            }
        }
        Map<String, EntityType> named = new HashMap<>();
        for (FoundMention m : mentions) {
            named.putIfAbsent(m.text(), m.type());
        }
        for (List<Token> sentence : sentences) {
            for (Token t : sentence) {
                int dash = t.text().lastIndexOf('-');
                if (dash <= 0 || !HYPHEN_SUFFIXES.contains(t.text().substring(dash + 1).toLowerCase(Locale.ROOT))) {
                    continue;
                }
                String prefix = t.text().substring(0, dash);
                if (!Character.isUpperCase(prefix.codePointAt(0)) && !prefix.startsWith("al-")) {
                    continue;
                }
                EntityType type = named.get(prefix);
                if (type == null) {
                    Gazetteer.Entry e = gazetteer.named(new String[] {prefix}, false);
                    type = e != null ? e.type() : null;
                }
                if (type == null || type == EntityType.MISC) {
                    continue;
                }
                int end = t.start() + dash;
                mentions.removeIf(x -> !x.fromDictionary() && x.field() == t.field() && x.start() == t.start() && x.end() == t.end());
                boolean taken = false;
                for (FoundMention x : mentions) {
                    taken |= x.field() == t.field() && x.start() < end && t.start() < x.end();
                }
                if (!taken) {
                    mentions.add(new FoundMention(type, t.field(), t.start(), end, prefix, false, Set.of(), ADDED));
                }
            }
        }
    }

    /** Longest abbreviation taken for one defined in brackets ("American Civil Liberties Union ( ACLU )"). */
    private static final int ABBREVIATION_LETTERS = 8;

    /** Last words of a long form that make it the name of a law, a treaty or an event rather than a body. */
    private static final Set<String> MISC_LAST_WORDS = Set.of("Act", "Treaty", "Agreement", "Accord", "Accords",
            "Convention", "Protocol", "Cup", "Championship", "Championships", "Games", "Index", "Programme", "Program",
            "Plan", "Initiative", "Award", "Prize", "Festival", "Summit", "Conference");

    /**
     * An abbreviation defined in brackets after its long form — "the Alternative for Germany (AfD)",
     * "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)" — is a name, and so is the long form: the letters
     * of the abbreviation must be found in order in the long form, the first one starting its first
     * word. The long form keeps the type the model gave it; one the model missed is an
     * organisation (or MISC when it ends like a law or an event). The repeats pass then finds the
     * abbreviation wherever else the document uses it.
     */
    static void abbreviations(List<FoundMention> mentions, List<List<Token>> sentences) {
        for (List<Token> sentence : sentences) {
            for (int i = 1; i + 2 < sentence.size(); i++) {
                Token abbreviation = sentence.get(i + 1);
                if (!sentence.get(i).text().equals("(") || !sentence.get(i + 2).text().equals(")")
                        || !isAbbreviation(abbreviation.text())) {
                    continue;
                }
                Token before = sentence.get(i - 1);
                if (!Character.isLetterOrDigit(before.text().codePointAt(0))) {
                    continue; // "the “American Civil Liberties Union” (ACLU)": not a long form read here
                }
                FoundMention longForm = null;
                boolean person = false;
                for (FoundMention m : mentions) {
                    if (m.field() == before.field() && m.end() == before.end()) {
                        person |= m.type() == EntityType.PERSON;
                        longForm = m.type() == EntityType.PERSON ? longForm : m;
                    }
                }
                if (person) {
                    continue; // "John F. Kennedy (JFK)": a person's initials, not a body's abbreviation
                }
                EntityType type;
                if (longForm != null) {
                    if (!spells(abbreviation.text(), longForm.text())) {
                        continue;
                    }
                    type = longForm.type();
                } else {
                    int from = longFormStart(sentence, i, abbreviation.text());
                    if (from < 0) {
                        continue;
                    }
                    Token first = sentence.get(from);
                    type = MISC_LAST_WORDS.contains(before.text()) ? EntityType.MISC : EntityType.ORGANIZATION;
                    // The model's names inside the long form give way to it, unless one is a person,
                    // a watch-list name or reaches outside it.
                    boolean kept = false;
                    for (FoundMention x : mentions) {
                        if (x.field() == first.field() && x.start() < before.end() && first.start() < x.end()) {
                            kept |= x.fromDictionary() || x.type() == EntityType.PERSON || x.start() < first.start()
                                    || x.end() > before.end();
                        }
                    }
                    if (kept) {
                        continue;
                    }
                    mentions.removeIf(x -> x.field() == first.field() && x.start() >= first.start() && x.end() <= before.end());
                    mentions.add(mention(type, first, before, ADDED));
                }
                FoundMention typed = null;
                for (int m = 0; m < mentions.size(); m++) {
                    FoundMention x = mentions.get(m);
                    if (x.field() == abbreviation.field() && x.start() == abbreviation.start() && x.end() == abbreviation.end()) {
                        typed = x;
                        if (!x.fromDictionary() && x.type() != type) {
                            mentions.set(m, x.withType(type));
                        }
                    }
                }
                if (typed == null && !overlapsAny(mentions, abbreviation, -1)) {
                    mentions.add(mention(type, abbreviation, abbreviation, ADDED));
                }
            }
        }
    }

    /** "ACLU", "AfD", "JNIM", "G7": a capital first, at least two capitals, letters (and digits) only. */
    private static boolean isAbbreviation(String w) {
        if (w.length() < 2 || w.length() > ABBREVIATION_LETTERS || !Character.isUpperCase(w.charAt(0))) {
            return false;
        }
        int capitals = 0;
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            if (!Character.isLetterOrDigit(c)) {
                return false;
            }
            capitals += Character.isUpperCase(c) ? 1 : 0;
        }
        return capitals >= 2;
    }

    /**
     * Where the long form of {@code abbreviation} starts in the capitalised words before the bracket
     * at {@code bracket} (lower-case joining words allowed inside), or -1: the shortest run of two or
     * more words that spells it.
     */
    private static int longFormStart(List<Token> sentence, int bracket, String abbreviation) {
        int limit = Math.max(0, bracket - abbreviation.length() - 4);
        for (int from = bracket - 2; from >= limit; from--) {
            String w = sentence.get(from).text();
            boolean capitalised = Character.isUpperCase(w.codePointAt(0));
            if (!capitalised && !JOINING_WORDS.contains(w)) {
                return -1;
            }
            if (capitalised && Character.toLowerCase(w.charAt(0)) == Character.toLowerCase(abbreviation.charAt(0))) {
                StringBuilder longForm = new StringBuilder();
                for (int k = from; k < bracket; k++) {
                    longForm.append(k > from ? " " : "").append(sentence.get(k).text());
                }
                if (spells(abbreviation, longForm.toString())) {
                    return from;
                }
            }
        }
        return -1;
    }

    private static final Set<String> JOINING_WORDS = Set.of("of", "for", "and", "the", "on", "in", "de", "du", "des",
            "la", "le", "el", "del", "der", "für", "und", "&", "wal", "al");

    /**
     * Whether the letters (and digits) of {@code abbreviation} occur in order in {@code longForm},
     * its first at the start of the long form and the others reaching into a second word ("ACLU"
     * in "American Civil Liberties Union", not "AB" in "Abbey Road").
     */
    static boolean spells(String abbreviation, String longForm) {
        String a = abbreviation.toLowerCase(Locale.ROOT);
        String l = longForm.toLowerCase(Locale.ROOT);
        if (l.isEmpty() || l.charAt(0) != a.charAt(0)) {
            return false;
        }
        int at = 1;
        int words = 1;
        for (int k = 1; k < a.length(); k++) {
            int found = l.indexOf(a.charAt(k), at);
            if (found < 0) {
                return false;
            }
            for (int j = at; j <= found; j++) {
                words += l.charAt(j) == ' ' ? 1 : 0;
            }
            at = found + 1;
        }
        return words > 1;
    }

    private HyphensAndAbbreviations() {
    }
}
