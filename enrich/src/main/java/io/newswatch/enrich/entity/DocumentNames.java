package io.newswatch.enrich.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.newswatch.enrich.gazetteer.Gazetteer;
import io.newswatch.enrich.nlp.AnalyzedText;
import io.newswatch.enrich.nlp.CaseMemory;
import io.newswatch.enrich.nlp.CommonWords;
import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Field;

/**
 * The document-level passes over the name finder's mentions, before they are merged into entities:
 * <ol>
 * <li>the gazetteer: a known country, nationality or organisation named exactly as a model mention
 * gives it its type; a known name the model missed is added (in all-capitals lines ignoring case)
 * unless it is part of a longer capitalised name;</li>
 * <li>names inside hyphenated modifiers ("NATO" in "NATO-led") that the document or the gazetteer
 * knows;</li>
 * <li>abbreviations defined in brackets after their long form, and the long form;</li>
 * <li>companies by their legal form and by the words around them ("X shares fell"), bodies named
 * for two things ("Competition and Markets Authority");</li>
 * <li>events, awards, laws and titles of works are MISC;</li>
 * <li>repeats: a name the model found once in the document (and a person's surname) is added where
 * the model missed it elsewhere in the document;</li>
 * <li>full names are never shortened: a mention inside an occurrence of a longer name found in the
 * document ("Anwar" in "Saeed Anwar") becomes that name.</li>
 * </ol>
 * Mentions the watch-list dictionary found are left alone; it is merged after these passes and wins.
 * The passes about companies and bodies live in {@link CompanyNames}, those for names inside words
 * and brackets in {@link HyphensAndAbbreviations}, events and works in {@link EventsAndWorks}; this
 * class holds the order they run in and what they share.
 */
public final class DocumentNames {

    /** Confidence of a mention added by a pass rather than found by the model. */
    static final double ADDED = 0.5;

    /** Capitalised words that continue no name: a gazetteer name next to them is still a name of its own. */
    static final Set<String> NOT_NAME_WORDS = Set.of("The", "A", "An", "In", "On", "At", "For", "From", "To",
            "And", "But", "Or", "Of", "By", "With", "As", "After", "Before", "He", "She", "It", "They", "We", "I", "This",
            "That", "There", "Mr", "Mr.", "Mrs.", "Ms.", "Dr.", "President", "Prime", "Minister", "King", "Queen");

    private DocumentNames() {
    }

    /** One token of the title or text. */
    record Token(Field field, int start, int end, String text, int sentence, int index, boolean shouting,
            String source) {
    }

    public static List<FoundMention> complete(List<FoundMention> mentions, Gazetteer gazetteer, CommonWords words,
            AnalyzedText title, AnalyzedText text) {
        List<List<Token>> sentences = new ArrayList<>();
        tokens(title, Field.TITLE, sentences);
        tokens(text, Field.TEXT, sentences);
        List<FoundMention> result = new ArrayList<>(mentions);
        datelines(result, gazetteer, sentences);
        gazetteer(result, gazetteer, sentences);
        scoreLines(result, gazetteer, sentences);
        sectionHeadings(result, sentences);
        CompanyNames.companySuffixes(result, sentences);
        CompanyNames.joinedBodies(result, sentences);
        CompanyNames.longBodyNames(result, sentences);
        HyphensAndAbbreviations.hyphenPrefixes(result, gazetteer, sentences);
        HyphensAndAbbreviations.abbreviations(result, sentences);
        CompanyNames.companiesInContext(result, gazetteer, words, sentences);
        repeats(result, sentences);
        CompanyNames.companyContext(result, gazetteer, sentences);
        EventsAndWorks.eventsAndWorks(result, gazetteer, sentences);
        result.sort(Comparator.comparing(FoundMention::field).thenComparingInt(FoundMention::start));
        return result;
    }

    private static void tokens(AnalyzedText analysed, Field field, List<List<Token>> into) {
        for (AnalyzedText.Sentence s : analysed.sentences()) {
            boolean shouting = CaseMemory.isShouting(s.tokens());
            List<Token> tokens = new ArrayList<>(s.tokens().length);
            for (int i = 0; i < s.tokens().length; i++) {
                tokens.add(new Token(field, s.tokenSpans()[i].getStart(), s.tokenSpans()[i].getEnd(),
                        analysed.text().substring(s.tokenSpans()[i].getStart(), s.tokenSpans()[i].getEnd()), into.size(), i,
                        shouting, analysed.text()));
            }
            into.add(tokens);
        }
    }

    private static void gazetteer(List<FoundMention> mentions, Gazetteer gazetteer, List<List<Token>> sentences) {
        if (gazetteer.size() == 0) {
            return;
        }
        for (List<Token> sentence : sentences) {
            String[] words = textsOf(sentence);
            for (int i = 0; i < words.length; i++) {
                boolean shouting = sentence.get(i).shouting();
                Gazetteer.Entry e = gazetteer.match(words, i, shouting);
                if (e == null) {
                    continue;
                }
                Token first = sentence.get(i);
                Token last = sentence.get(i + e.tokens().length - 1);
                int overlapping = -1;
                boolean exact = false;
                boolean within = true;
                List<Integer> parts = new ArrayList<>();
                for (int m = 0; m < mentions.size(); m++) {
                    FoundMention x = mentions.get(m);
                    if (x.field() == first.field() && x.start() < last.end() && first.start() < x.end()) {
                        overlapping = m;
                        exact = x.start() == first.start() && x.end() == last.end();
                        within &= !x.fromDictionary() && x.start() >= first.start() && x.end() <= last.end();
                        parts.add(m);
                    }
                }
                if (!exact && overlapping >= 0 && within && e.tokens().length > 1 && e.settlesType()) {
                    // The model read part of a known name ("MANCHESTER" of "MANCHESTER UNITED",
                    // "England" of "Bank of England"): the known name, whole.
                    double confidence = ADDED;
                    for (int k = parts.size() - 1; k >= 0; k--) {
                        confidence = Math.max(confidence, mentions.remove((int) parts.get(k)).confidence());
                    }
                    mentions.add(mention(e.type(), first, last, confidence));
                } else if (exact) {
                    FoundMention x = mentions.get(overlapping);
                    if (e.settlesType() && !x.fromDictionary() && x.type() != e.type()) {
                        mentions.set(overlapping, x.withType(e.type()));
                    }
                } else if (overlapping < 0 && e.type() != EntityType.MISC
                        && standsAlone(sentence, i, i + e.tokens().length, mentions)) {
                    mentions.add(mention(e.type(), first, last, ADDED));
                }
                i += e.tokens().length - 1;
            }
        }
    }

    /**
     * A dateline: a line that starts with a place in capitals followed by a comma, a bracket, a dash
     * or a date ("GENEVA (Reuters) —", "SHARJAH , United Arab Emirates", "HARARE 1996-08-22"). The
     * place is a location (unless the gazetteer knows the name as something else). "SOCCER - ..."
     * headlines are not datelines: a hyphen does not count, and an all-capitals line only when a
     * date follows the place.
     */
    private static void datelines(List<FoundMention> mentions, Gazetteer gazetteer, List<List<Token>> sentences) {
        for (List<Token> sentence : sentences) {
            if (sentence.isEmpty() || !startsLine(sentence.get(0))) {
                continue;
            }
            int run = 0;
            boolean word = false;
            while (run < sentence.size() && run < 4 && isCapitalsWord(sentence.get(run).text())) {
                word |= sentence.get(run).text().length() >= 3;
                run++;
            }
            if (run == 0 || !word || run == sentence.size()) {
                continue;
            }
            String next = sentence.get(run).text();
            boolean date = next.matches("\\d{4}-\\d{2}-\\d{2}");
            boolean mark = next.equals(",") || next.equals("(") || next.equals("—") || next.equals("–");
            if (!date && !(mark && !sentence.get(0).shouting())) {
                continue;
            }
            String[] words = textsOf(sentence);
            Gazetteer.Entry known = gazetteer.match(words, 0, true);
            if (known != null && known.type() != EntityType.LOCATION && known.tokens().length == run) {
                continue;
            }
            Token first = sentence.get(0);
            Token last = sentence.get(run - 1);
            boolean free = true;
            for (int m = 0; m < mentions.size(); m++) {
                FoundMention x = mentions.get(m);
                if (x.field() != first.field() || x.end() <= first.start() || last.end() <= x.start()) {
                    continue;
                }
                if (x.start() == first.start() && x.end() == last.end() && !x.fromDictionary()) {
                    mentions.set(m, x.placedAs(EntityType.LOCATION));
                }
                free = false;
            }
            if (free) {
                mentions.add(mention(EntityType.LOCATION, first, last, ADDED).placedAs(EntityType.LOCATION));
            }
        }
    }

    private static boolean startsLine(Token t) {
        int i = t.start() - 1;
        while (i >= 0 && (t.source().charAt(i) == ' ' || t.source().charAt(i) == '\t')) {
            i--;
        }
        return i < 0 || t.source().charAt(i) == '\n' || t.source().charAt(i) == '\r';
    }

    private static boolean isCapitalsWord(String t) {
        boolean letter = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letter = true;
            } else if (c != '.' && c != '-' && c != '\'') {
                return false;
            }
        }
        return letter;
    }

    /** Not part of a longer capitalised name, nor next to a mention. */
    private static boolean standsAlone(List<Token> sentence, int from, int to, List<FoundMention> mentions) {
        for (int n : new int[] {from - 1, to}) {
            if (n < 0 || n >= sentence.size()) {
                continue;
            }
            Token t = sentence.get(n);
            for (FoundMention m : mentions) {
                if (m.field() == t.field() && m.start() < t.end() && t.start() < m.end()) {
                    return false;
                }
            }
            boolean capitalised = !t.text().isEmpty() && Character.isUpperCase(t.text().codePointAt(0));
            if (!t.shouting() && capitalised && !NOT_NAME_WORDS.contains(t.text())) {
                return false;
            }
        }
        return true;
    }

    /** How much a team read off a score line counts in its entity's type vote. */
    static final double SCORE_LINE = 0.9;

    /**
     * Result and standings lines of sports pages: the whole line is names and scores ("Houston 112 UTAH
     * 103", "New York 92 ORLANDO 94", "Barcelona 5 4 1 0 12 3 13"). Each name there is a team, an
     * organisation, whatever the model or the gazetteer read: most clubs carry a place's name. A
     * country's name stays a location: national sides are written as their country.
     */
    private static void scoreLines(List<FoundMention> mentions, Gazetteer gazetteer, List<List<Token>> sentences) {
        for (List<Token> sentence : sentences) {
            List<int[]> teams = teamsOfScoreLine(sentence);
            String[] words = teams.isEmpty() ? null : textsOf(sentence);
            for (int[] team : teams) {
                Gazetteer.Entry known = gazetteer.match(words, team[0], sentence.get(team[0]).shouting());
                if (known != null && known.tokens().length == team[1] - team[0] && known.settlesType()
                        && known.type() == EntityType.LOCATION) {
                    continue;
                }
                Token first = sentence.get(team[0]);
                Token last = sentence.get(team[1] - 1);
                mentions.removeIf(x -> !x.fromDictionary() && x.field() == first.field() && x.start() < last.end()
                        && first.start() < x.end());
                mentions.add(mention(EntityType.ORGANIZATION, first, last, SCORE_LINE).placedAs(EntityType.ORGANIZATION));
            }
        }
    }

    /** The token ranges of the teams when {@code sentence} is a score line, else none. */
    private static List<int[]> teamsOfScoreLine(List<Token> sentence) {
        int end = sentence.size();
        // A closing remark in brackets ("( OT )", "( halftime 1-0 )") is not part of the pattern.
        if (end > 0 && sentence.get(end - 1).text().equals(")")) {
            int open = end - 1;
            while (open > 0 && !sentence.get(open).text().equals("(")) {
                open--;
            }
            end = open;
        }
        List<int[]> names = new ArrayList<>();
        List<Integer> scoresAfter = new ArrayList<>();
        int i = 0;
        while (i < end) {
            int from = i;
            while (i < end && isTeamWord(sentence.get(i).text(), i == from)) {
                i++;
            }
            if (i == from || i - from > 4) {
                return List.of();
            }
            int scores = 0;
            while (i < end && isScore(sentence.get(i).text())) {
                i++;
                scores++;
            }
            if (scores == 0) {
                return List.of();
            }
            names.add(new int[] {from, i - scores});
            scoresAfter.add(scores);
        }
        boolean result = names.size() == 2 && scoresAfter.get(0) == 1 && scoresAfter.get(1) == 1;
        boolean standings = names.size() == 1 && scoresAfter.get(0) >= 3;
        return result || standings ? names : List.of();
    }

    private static boolean isTeamWord(String w, boolean first) {
        if (w.isEmpty() || (first && NOT_NAME_WORDS.contains(w))) {
            return false;
        }
        if (Character.isUpperCase(w.codePointAt(0))) {
            return w.codePoints().allMatch(c -> Character.isLetter(c) || c == '.' || c == '\'' || c == '-' || c == '&');
        }
        // Particles inside a club's name ("Borussia Moenchengladbach", "Paris St Germain", "Real de ...").
        return !first && (w.equals("de") || w.equals("del") || w.equals("van") || w.equals("of"));
    }

    private static boolean isScore(String w) {
        return w.length() <= 3 && !w.isEmpty() && w.chars().allMatch(Character::isDigit);
    }

    /** Sports that wire headlines start with ("RUGBY UNION - SOUTH AFRICA UNCHANGED ..."). */
    private static final Set<String> SECTION_HEADINGS = Set.of("SOCCER", "FOOTBALL", "CRICKET", "TENNIS", "GOLF",
            "RUGBY UNION", "RUGBY LEAGUE", "RUGBY", "BASEBALL", "BASKETBALL", "ICE HOCKEY", "HOCKEY", "CYCLING",
            "ATHLETICS", "BOXING", "MOTOR RACING", "MOTORCYCLING", "SWIMMING", "HORSE RACING", "SKIING",
            "ALPINE SKIING", "NORDIC SKIING", "ROWING", "SAILING", "YACHTING", "SQUASH", "BADMINTON", "VOLLEYBALL",
            "HANDBALL", "WRESTLING", "JUDO", "GYMNASTICS", "TABLE TENNIS", "AMERICAN FOOTBALL", "NFL", "NBA", "NHL",
            "MOTORSPORT", "FORMULA ONE", "SNOOKER", "DARTS", "CHESS", "TRIATHLON", "SPEED SKATING", "FIGURE SKATING");

    /**
     * The section word of a sports headline in capitals ("RUGBY UNION - ...", "SOCCER - ...") names a
     * sport, not an organisation, even where it is also a league's short name.
     */
    private static void sectionHeadings(List<FoundMention> mentions, List<List<Token>> sentences) {
        for (List<Token> sentence : sentences) {
            int dash = -1;
            for (int i = 1; i < Math.min(sentence.size(), 4); i++) {
                if (sentence.get(i).text().equals("-")) {
                    dash = i;
                    break;
                }
            }
            if (dash < 0 || !sentence.get(0).shouting() || !startsLine(sentence.get(0))) {
                continue;
            }
            Token first = sentence.get(0);
            Token last = sentence.get(dash - 1);
            String heading = first.source().substring(first.start(), last.end()).replaceAll("\\s+", " ");
            if (SECTION_HEADINGS.contains(heading)) {
                mentions.removeIf(x -> !x.fromDictionary() && x.field() == first.field() && x.start() < last.end()
                        && first.start() < x.end());
            }
        }
    }

    static boolean overlapsAny(List<FoundMention> mentions, Token t, int except) {
        for (int m = 0; m < mentions.size(); m++) {
            FoundMention x = mentions.get(m);
            if (m != except && x.field() == t.field() && x.start() < t.end() && t.start() < x.end()) {
                return true;
            }
        }
        return false;
    }

    private static void repeats(List<FoundMention> mentions, List<List<Token>> sentences) {
        // The names the model found, by their tokens; a person's surname stands for the person.
        Map<List<String>, EntityType> names = new LinkedHashMap<>();
        Map<List<String>, Integer> votes = new HashMap<>();
        for (FoundMention m : mentions) {
            if (m.type() == EntityType.MISC || m.text().length() < 2 || !Character.isUpperCase(m.text().codePointAt(0))) {
                continue;
            }
            List<Token> tokens = tokensOf(m, sentences);
            if (tokens.isEmpty()) {
                continue;
            }
            List<String> words = tokens.stream().map(Token::text).toList();
            // A single word at the start of a sentence may be any capitalised word ("Board"); only
            // repeat single words the model found inside a sentence, or acronyms.
            boolean reliable = words.size() > 1 || tokens.get(0).index() > 0 || isAcronym(m.text());
            if (reliable) {
                names.putIfAbsent(words, m.type());
                votes.merge(words, 1, Integer::sum);
            }
            if (m.type() == EntityType.PERSON && words.size() > 1 && words.get(words.size() - 1).length() > 2) {
                names.putIfAbsent(List.of(words.get(words.size() - 1)), EntityType.PERSON);
            }
        }
        if (names.isEmpty()) {
            return;
        }
        List<List<String>> longestFirst = new ArrayList<>(names.keySet());
        longestFirst.sort((a, b) -> b.size() - a.size());
        for (List<Token> sentence : sentences) {
            for (int i = 0; i < sentence.size(); i++) {
                for (List<String> name : longestFirst) {
                    if (!matches(sentence, i, name)) {
                        continue;
                    }
                    Token first = sentence.get(i);
                    Token last = sentence.get(i + name.size() - 1);
                    List<Integer> inside = new ArrayList<>();
                    boolean blocked = false;
                    for (int m = 0; m < mentions.size(); m++) {
                        FoundMention x = mentions.get(m);
                        if (x.field() != first.field() || x.end() <= first.start() || last.end() <= x.start()) {
                            continue;
                        }
                        if (x.start() >= first.start() && x.end() <= last.end() && !x.fromDictionary()
                                && (x.start() != first.start() || x.end() != last.end())) {
                            inside.add(m);
                        } else {
                            blocked = true;
                        }
                    }
                    if (blocked) {
                        break;
                    }
                    if (!inside.isEmpty()) {
                        // A shortened full name ("Anwar" in "Saeed Anwar"): the full name, the mention's confidence.
                        double confidence = mentions.get(inside.get(0)).confidence();
                        for (int k = inside.size() - 1; k >= 0; k--) {
                            mentions.remove((int) inside.get(k));
                        }
                        mentions.add(mention(names.get(name), first, last, confidence));
                    } else if (standsAlone(sentence, i, i + name.size(), mentions)) {
                        mentions.add(mention(names.get(name), first, last, ADDED));
                    }
                    i += name.size() - 1;
                    break;
                }
            }
        }
    }

    private static boolean matches(List<Token> sentence, int at, List<String> name) {
        if (at + name.size() > sentence.size()) {
            return false;
        }
        for (int k = 0; k < name.size(); k++) {
            Token t = sentence.get(at + k);
            String w = t.text();
            // Exactly as found; in capitals lines, in any case.
            if (t.shouting() ? !w.equalsIgnoreCase(name.get(k)) : !w.equals(name.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** The words of {@code tokens}, as the gazetteer looks them up. */
    static String[] textsOf(List<Token> tokens) {
        return tokens.stream().map(Token::text).toArray(String[]::new);
    }

    static List<Token> tokensOf(FoundMention m, List<List<Token>> sentences) {
        List<Token> out = new ArrayList<>();
        for (List<Token> s : sentences) {
            if (s.isEmpty() || s.get(0).field() != m.field() || s.get(s.size() - 1).end() <= m.start()
                    || s.get(0).start() >= m.end()) {
                continue;
            }
            for (Token t : s) {
                if (t.start() >= m.start() && t.end() <= m.end()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    static FoundMention mention(EntityType type, Token first, Token last, double confidence) {
        return new FoundMention(type, first.field(), first.start(), last.end(),
                first.source().substring(first.start(), last.end()), false, Set.of(), confidence);
    }

    private static boolean isAcronym(String s) {
        return s.length() >= 2 && s.chars().allMatch(c -> Character.isUpperCase(c) || c == '.' || c == '&');
    }
}
