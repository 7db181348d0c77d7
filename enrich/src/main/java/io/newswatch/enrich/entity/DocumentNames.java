package io.newswatch.enrich.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
 */
public final class DocumentNames {

    /** Confidence of a mention added by a pass rather than found by the model. */
    static final double ADDED = 0.5;

    /** Capitalised words that continue no name: a gazetteer name next to them is still a name of its own. */
    private static final Set<String> NOT_NAME_WORDS = Set.of("The", "A", "An", "In", "On", "At", "For", "From", "To",
            "And", "But", "Or", "Of", "By", "With", "As", "After", "Before", "He", "She", "It", "They", "We", "I", "This",
            "That", "There", "Mr", "Mr.", "Mrs.", "Ms.", "Dr.", "President", "Prime", "Minister", "King", "Queen");

    private DocumentNames() {
    }

    /** One token of the title or text. */
    private record Token(Field field, int start, int end, String text, int sentence, int index, boolean shouting,
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
        companySuffixes(result, sentences);
        joinedBodies(result, sentences);
        longBodyNames(result, sentences);
        hyphenPrefixes(result, gazetteer, sentences);
        abbreviations(result, sentences);
        companiesInContext(result, gazetteer, words, sentences);
        repeats(result, sentences);
        companyContext(result, gazetteer, sentences);
        eventsAndWorks(result, gazetteer, sentences);
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
            String[] words = sentence.stream().map(Token::text).toArray(String[]::new);
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
                for (int m = 0; m < mentions.size(); m++) {
                    FoundMention x = mentions.get(m);
                    if (x.field() == first.field() && x.start() < last.end() && first.start() < x.end()) {
                        overlapping = m;
                        exact = x.start() == first.start() && x.end() == last.end();
                    }
                }
                if (exact) {
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
            String[] words = sentence.stream().map(Token::text).toArray(String[]::new);
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

    /** Words that end a company's name ("General Motors Co.", "Amazon.com Inc."). */
    private static final Set<String> COMPANY_SUFFIXES = Set.of("Inc.", "Inc", "Co.", "Corp.", "Corp", "Ltd.", "Ltd",
            "Plc", "plc", "PLC", "LLC", "AG", "SA", "NV", "N.V.", "S.A.", "GmbH", "SpA", "AB", "ASA", "Cos.");

    /**
     * Result and standings lines of sports pages: the whole line is names and scores ("Houston 112 UTAH
     * 103", "New York 92 ORLANDO 94", "Barcelona 5 4 1 0 12 3 13"). Each name there is a team, an
     * organisation, whatever the model or the gazetteer read: most clubs carry a place's name. A
     * country's name stays a location: national sides are written as their country.
     */
    private static void scoreLines(List<FoundMention> mentions, Gazetteer gazetteer, List<List<Token>> sentences) {
        for (List<Token> sentence : sentences) {
            List<int[]> teams = teamsOfScoreLine(sentence);
            String[] words = teams.isEmpty() ? null : sentence.stream().map(Token::text).toArray(String[]::new);
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

    /**
     * A company's name goes on with its legal form: "Co." after "General Motors" is part of it. A
     * name with a legal form is a company whatever the model read ("McDonnell Douglas Corp" is no
     * person), and takes in the capitalised words the model left before it ("Lockheed" of
     * "Lockheed Martin Corp").
     */
    private static void companySuffixes(List<FoundMention> mentions, List<List<Token>> sentences) {
        for (int m = 0; m < mentions.size(); m++) {
            FoundMention x = mentions.get(m);
            if (x.fromDictionary() || x.type() == EntityType.MISC) {
                continue;
            }
            List<Token> tokens = tokensOf(x, sentences);
            if (tokens.isEmpty() || tokens.get(tokens.size() - 1).end() != x.end() || tokens.get(0).start() != x.start()) {
                continue;
            }
            Token last = tokens.get(tokens.size() - 1);
            List<Token> sentence = sentences.get(last.sentence());
            int end = x.end();
            if (!COMPANY_SUFFIXES.contains(last.text()) || tokens.size() == 1) {
                if (last.index() + 1 >= sentence.size()) {
                    continue;
                }
                Token next = sentence.get(last.index() + 1);
                boolean adjacent = next.start() == x.end() + 1 && next.source().charAt(x.end()) == ' ';
                // "Eli Lilly and Co.", "Shell Transport and Trading Co": the partners are in the name.
                int suffix = last.index() + 1;
                if (adjacent && (next.text().equals("and") || next.text().equals("&"))) {
                    suffix = suffix + 1 < sentence.size() && sentence.get(suffix + 1).text().startsWith("Co") ? suffix + 1
                            : suffix + 2 < sentence.size() && Character.isUpperCase(sentence.get(suffix + 1).text().codePointAt(0))
                                    && sentence.get(suffix + 2).text().startsWith("Co") ? suffix + 2 : suffix;
                }
                Token legal = sentence.get(suffix);
                // The model sometimes reads the legal form alone as a name ("Co." a person): it goes.
                for (int k = 0; k < mentions.size(); k++) {
                    FoundMention y = mentions.get(k);
                    if (k != m && !y.fromDictionary() && y.field() == legal.field() && y.start() == legal.start()
                            && y.end() == legal.end() && COMPANY_SUFFIXES.contains(legal.text())) {
                        mentions.remove(k);
                        m -= k < m ? 1 : 0;
                        break;
                    }
                }
                if (!adjacent || !COMPANY_SUFFIXES.contains(legal.text()) || overlapsAny(mentions, legal, m)
                        || suffix > last.index() + 1 && overlapsAny(mentions, sentence.get(last.index() + 2), m)) {
                    continue;
                }
                end = legal.end();
            }
            int first = tokens.get(0).index();
            while (first > 0 && continuesCompanyName(sentence.get(first - 1), sentence.get(first))
                    && !overlapsAny(mentions, sentence.get(first - 1), m)) {
                first--;
            }
            int start = sentence.get(first).start();
            mentions.set(m, new FoundMention(EntityType.ORGANIZATION, x.field(), start, end,
                    last.source().substring(start, end), false, x.watchlistIds(), x.confidence()).placedAs(EntityType.ORGANIZATION));
        }
    }

    /** A capitalised word right before a company's name, on the same line: part of the name. */
    private static boolean continuesCompanyName(Token before, Token name) {
        String w = before.text();
        return !before.shouting() && !w.isEmpty() && Character.isUpperCase(w.codePointAt(0)) && before.index() > 0
                && !NOT_NAME_WORDS.contains(w) && name.start() == before.end() + 1
                && before.source().charAt(before.end()) == ' ';
    }

    /** How much a name read as a company by the words around it counts in its entity's type vote. */
    static final double COMPANY_CONTEXT = 2.0;
    /** Words after "X shares" or "X stock" that make it a price move, not a verb ("Smith shares his view"). */
    private static final Set<String> PRICE_MOVES = Set.of("rose", "fell", "closed", "jumped", "slipped", "gained",
            "dropped", "climbed", "rallied", "surged", "soared", "tumbled", "slumped", "sank", "plunged", "ended",
            "traded", "added", "lost", "eased", "firmed", "edged", "were", "have", "had", "are", "opened", "finished");
    /** Words after a name that make it a company: its shareholders, its chairman, its founder. */
    private static final Set<String> COMPANY_ROLES = Set.of("shareholders", "chairman", "chairwoman", "founder",
            "co-founder", "CEO", "board");

    /**
     * A name read as a company by the words around it: "Kessler shares fell", "shares in Delmont",
     * "Boeing chairman Phil Condit". The model often reads an unknown company as a person or a
     * place; this is strong evidence in the entity's vote, not a final word. A place the gazetteer
     * knows stays a place ("shares in Italy's banks").
     */
    private static void companyContext(List<FoundMention> mentions, Gazetteer gazetteer, List<List<Token>> sentences) {
        // A surname of a person the document names in full stays theirs ("Ostermann shares" of
        // Heinrich Ostermann's company is for the vote of the person's entity to settle).
        Set<String> surnames = new HashSet<>();
        for (FoundMention m : mentions) {
            int space = m.text().lastIndexOf(' ');
            if (m.type() == EntityType.PERSON && space > 0) {
                surnames.add(m.text().substring(space + 1));
            }
        }
        for (int m = 0; m < mentions.size(); m++) {
            FoundMention x = mentions.get(m);
            if (x.fromDictionary() || x.placed() || x.type() == EntityType.MISC) {
                continue;
            }
            List<Token> tokens = tokensOf(x, sentences);
            if (tokens.isEmpty() || tokens.get(0).shouting() || surnames.contains(x.text())
                    || x.type() == EntityType.PERSON && tokens.size() > 1) {
                continue;
            }
            String[] words = tokens.stream().map(Token::text).toArray(String[]::new);
            Gazetteer.Entry known = gazetteer.match(words, 0, false);
            if (known != null && known.tokens().length == words.length && known.settlesType()
                    && known.type() != EntityType.ORGANIZATION) {
                continue;
            }
            List<Token> sentence = sentences.get(tokens.get(0).sentence());
            int before = tokens.get(0).index();
            int after = tokens.get(tokens.size() - 1).index() + 1;
            String next = after < sentence.size() ? sentence.get(after).text() : "";
            String then = after + 1 < sentence.size() ? sentence.get(after + 1).text() : "";
            String previous = before > 0 ? sentence.get(before - 1).text() : "";
            String earlier = before > 1 ? sentence.get(before - 2).text().toLowerCase(Locale.ROOT) : "";
            boolean company = (next.equals("shares") || next.equals("stock")) && PRICE_MOVES.contains(then)
                    || COMPANY_ROLES.contains(next) || next.equals("chief") && then.equals("executive")
                    || (previous.equals("in") || previous.equals("of")) && (earlier.equals("shares") || earlier.equals("stake"))
                    && !next.equals("'s") && !next.equals("’s");
            if (company) {
                mentions.set(m, new FoundMention(EntityType.ORGANIZATION, x.field(), x.start(), x.end(), x.text(), false,
                        x.watchlistIds(), COMPANY_CONTEXT));
            }
        }
    }

    /**
     * A name the model did not find at all, in a company's context: "Shares in Tamfelt rose",
     * "Tamfelt shares rose", "Tamfelt shareholders". Only a word that is not an English word
     * ("Bank shares led the decline" is about banks) and that the gazetteer does not know as
     * something else.
     */
    private static void companiesInContext(List<FoundMention> mentions, Gazetteer gazetteer, CommonWords words,
            List<List<Token>> sentences) {
        for (List<Token> sentence : sentences) {
            for (int i = 0; i < sentence.size(); i++) {
                Token t = sentence.get(i);
                String w = t.text();
                if (t.shouting() || w.length() < 2 || !Character.isUpperCase(w.codePointAt(0)) || NOT_NAME_WORDS.contains(w)
                        || words.isWord(w.toLowerCase(Locale.ROOT)) || overlapsAny(mentions, t, -1)) {
                    continue;
                }
                String next = i + 1 < sentence.size() ? sentence.get(i + 1).text() : "";
                String then = i + 2 < sentence.size() ? sentence.get(i + 2).text() : "";
                String previous = i > 0 ? sentence.get(i - 1).text() : "";
                String earlier = i > 1 ? sentence.get(i - 2).text().toLowerCase(Locale.ROOT) : "";
                boolean company = (next.equals("shares") || next.equals("stock")) && PRICE_MOVES.contains(then)
                        || next.equals("shareholders")
                        || (previous.equals("in") || previous.equals("of")) && (earlier.equals("shares") || earlier.equals("stake"))
                        && !next.equals("'s") && !next.equals("’s") && !Character.isUpperCase(next.isEmpty() ? 'x' : next.charAt(0));
                Gazetteer.Entry known = gazetteer.match(new String[] {w}, 0, false);
                if (company && (known == null || known.type() == EntityType.ORGANIZATION)) {
                    mentions.add(new FoundMention(EntityType.ORGANIZATION, t.field(), t.start(), t.end(), w, false, Set.of(),
                            COMPANY_CONTEXT));
                }
            }
        }
    }

    /**
     * Last words of the name of an event, a competition, an award, a law or an agreement, which are
     * MISC ("Mercury Prize", "Chicago Marathon", "French Open", "Digital Markets Act"); "League",
     * "Nations" and "Conference" are left out, being bodies as often ("Arab League", "United Nations").
     */
    private static final Set<String> EVENT_LAST_WORDS = Set.of("Prize", "Prizes", "Award", "Awards", "Globes",
            "Oscars", "Emmys", "Grammys", "Memorial", "Marathon", "Cup", "Championship", "Championships", "Games",
            "Olympics", "Paralympics", "Festival", "Act", "Treaty", "Accord", "Accords", "Agreement", "Protocol",
            "Index", "Trophy", "Series", "Bowl", "Open", "Classic", "Amendment", "Doctrine", "Plan", "Summit", "War");
    private static final Set<String> OPENING_QUOTES = Set.of("“", "\"", "‘", "``", "'");
    private static final Set<String> CLOSING_QUOTES = Set.of("”", "\"", "’", "''", "'");

    /**
     * Names that are events, awards, laws or titles of works, not people, bodies or places: a name
     * ending like an event ("Monaco Grand Prix", "Mercury Prize") and a name that is the whole of a
     * quotation ("“The Quiet Harbour,” a drama about") are MISC. A single word in quotation marks
     * read as a person, and a name after "known as" or "nicknamed", is a nickname and stays a
     * person; the gazetteer's and the watch-lists' types stay.
     */
    private static void eventsAndWorks(List<FoundMention> mentions, Gazetteer gazetteer, List<List<Token>> sentences) {
        for (int m = 0; m < mentions.size(); m++) {
            FoundMention x = mentions.get(m);
            if (x.fromDictionary() || x.placed() || x.type() == EntityType.MISC) {
                continue;
            }
            List<Token> tokens = tokensOf(x, sentences);
            if (tokens.isEmpty()) {
                continue;
            }
            String[] words = tokens.stream().map(Token::text).toArray(String[]::new);
            Gazetteer.Entry known = gazetteer.match(words, 0, tokens.get(0).shouting());
            if (known != null && known.tokens().length == words.length) {
                continue;
            }
            String last = words[words.length - 1];
            boolean event = words.length > 1 && (EVENT_LAST_WORDS.contains(capitalised(last))
                    || last.equalsIgnoreCase("Prix") && words[words.length - 2].equalsIgnoreCase("Grand"));
            if (event || quotedWhole(tokens, sentences) && (words.length > 1 || x.type() != EntityType.PERSON)) {
                mentions.set(m, x.withType(EntityType.MISC));
            }
        }
    }

    /** "OPEN" in a capitals line is "Open". */
    private static String capitalised(String w) {
        return w.length() < 2 ? w : w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT);
    }

    /** Whether the tokens are all a quotation holds, but for a leading article and a closing comma or stop. */
    private static boolean quotedWhole(List<Token> tokens, List<List<Token>> sentences) {
        List<Token> sentence = sentences.get(tokens.get(0).sentence());
        int before = tokens.get(0).index() - 1;
        if (before >= 0 && Set.of("The", "A", "An").contains(sentence.get(before).text())) {
            before--;
        }
        int after = tokens.get(tokens.size() - 1).index() + 1;
        if (after < sentence.size() && Set.of(",", ".").contains(sentence.get(after).text())) {
            after++;
        }
        // "known as “El Güero”", "nicknamed 'The Rocket'": a name for a person, not a title.
        boolean nickname = before > 0 && Set.of("as", "nicknamed", "called", "dubbed").contains(sentence.get(before - 1).text());
        return before >= 0 && after < sentence.size() && OPENING_QUOTES.contains(sentence.get(before).text())
                && CLOSING_QUOTES.contains(sentence.get(after).text()) && !nickname;
    }

    /** The words after a hyphen that make a name into a modifier: "NATO-led", "al-Qaeda-linked". */
    private static final Set<String> HYPHEN_SUFFIXES = Set.of("led", "backed", "based", "linked", "owned", "run",
            "controlled", "allied", "sponsored", "funded", "born", "brokered", "mediated", "dominated", "held",
            "affiliated", "aligned", "made", "built", "listed", "registered", "headquartered", "era", "style",
            "bound", "inspired", "friendly", "supported", "appointed", "imposed", "administered");

    /** Last words of the names of bodies: "... Markets Authority", "... Cricket Board". */
    private static final Set<String> BODY_HEAD_WORDS = Set.of("Authority", "Board", "Commission", "Committee", "Council",
            "Agency", "Association", "Federation", "Union", "Institute", "Service", "Office", "Department", "Ministry",
            "Corporation", "Foundation", "Society", "Court", "Tribunal", "Organisation", "Organization", "Fund",
            "Centre", "Center", "Bureau", "Directorate", "Inspectorate", "Alliance");

    /**
     * A body named for two things joined by "and" ("the Competition and Markets Authority", "the
     * England and Wales Cricket Board"): the model often keeps only what follows the "and", and
     * reads the first as a name of its own. The first word, alone, with nothing capitalised before
     * it, joins the body's name.
     */
    private static void joinedBodies(List<FoundMention> mentions, List<List<Token>> sentences) {
        for (int m = 0; m < mentions.size(); m++) {
            FoundMention x = mentions.get(m);
            if (x.fromDictionary() || x.type() != EntityType.ORGANIZATION) {
                continue;
            }
            List<Token> tokens = tokensOf(x, sentences);
            String head = tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1).text();
            if (tokens.size() < 2 || !BODY_HEAD_WORDS.contains(head) && !COMPANY_SUFFIXES.contains(head)
                    || tokens.get(0).index() < 2 || tokens.get(0).shouting()) {
                continue;
            }
            List<Token> sentence = sentences.get(tokens.get(0).sentence());
            Token and = sentence.get(tokens.get(0).index() - 1);
            Token first = sentence.get(tokens.get(0).index() - 2);
            String before = tokens.get(0).index() >= 3 ? sentence.get(tokens.get(0).index() - 3).text() : "";
            boolean alone = before.isEmpty() || !Character.isUpperCase(before.codePointAt(0)) || before.equals("The");
            if (!and.text().equals("and") || !Character.isUpperCase(first.text().codePointAt(0)) || !alone
                    || NOT_NAME_WORDS.contains(first.text()) || COMPANY_SUFFIXES.contains(first.text())) {
                continue;
            }
            int absorbed = -1;
            boolean blocked = false;
            for (int k = 0; k < mentions.size(); k++) {
                FoundMention y = mentions.get(k);
                if (k == m || y.field() != first.field() || y.end() <= first.start() || and.end() <= y.start()) {
                    continue;
                }
                if (y.start() == first.start() && y.end() == first.end() && !y.fromDictionary()) {
                    absorbed = k;
                } else {
                    blocked = true;
                }
            }
            if (blocked) {
                continue;
            }
            mentions.set(m, new FoundMention(EntityType.ORGANIZATION, x.field(), first.start(), x.end(),
                    first.source().substring(first.start(), x.end()), false, x.watchlistIds(), x.confidence(), x.placed()));
            if (absorbed >= 0) {
                mentions.remove(absorbed);
                m -= absorbed < m ? 1 : 0;
            }
        }
    }

    /** Words that end the first part of a body's name that goes on with "of" or "for". */
    private static final Set<String> LONG_NAME_HEADS = Stream.concat(BODY_HEAD_WORDS.stream(),
            Set.of("Bank", "Party", "Front", "Movement", "Forces", "Army", "Church", "University", "College", "Confederation",
                    "Congress", "League", "Coalition", "Assembly", "Parliament", "Academy", "School", "Hospital",
                    "Corporation", "Company", "Trust", "Fund", "Programme", "Program", "Commissioner").stream())
            .collect(Collectors.toUnmodifiableSet());

    /**
     * A body's name that goes on with "of" or "for" ("European Bank for Reconstruction and
     * Development", "International Committee of the Red Cross", "Socialist Party of Serbia",
     * "International Criminal Tribunal for the former Yugoslavia"): the model often cuts it in two
     * at the preposition. An organisation ending like a body, then "of" or "for" (with "the",
     * "the former"), then a name right after, is one organisation.
     */
    private static void longBodyNames(List<FoundMention> mentions, List<List<Token>> sentences) {
        boolean merged = true;
        while (merged) {
            merged = false;
            for (int m = 0; m < mentions.size() && !merged; m++) {
                FoundMention x = mentions.get(m);
                if (x.fromDictionary() || x.type() != EntityType.ORGANIZATION) {
                    continue;
                }
                List<Token> tokens = tokensOf(x, sentences);
                if (tokens.isEmpty() || tokens.get(0).shouting()
                        || !LONG_NAME_HEADS.contains(tokens.get(tokens.size() - 1).text())) {
                    continue;
                }
                List<Token> sentence = sentences.get(tokens.get(0).sentence());
                int at = tokens.get(tokens.size() - 1).index() + 1;
                if (at >= sentence.size() || !Set.of("of", "for").contains(sentence.get(at).text())) {
                    continue;
                }
                at++;
                if (at < sentence.size() && sentence.get(at).text().equals("the")) {
                    at++;
                    if (at < sentence.size() && sentence.get(at).text().equals("former")) {
                        at++;
                    }
                }
                if (at >= sentence.size()) {
                    continue;
                }
                Token next = sentence.get(at);
                for (int k = 0; k < mentions.size(); k++) {
                    FoundMention y = mentions.get(k);
                    if (k == m || y.fromDictionary() || y.field() != next.field() || y.start() != next.start()
                            || y.type() == EntityType.PERSON || y.type() == EntityType.MISC) {
                        continue;
                    }
                    mentions.set(m, new FoundMention(EntityType.ORGANIZATION, x.field(), x.start(), y.end(),
                            next.source().substring(x.start(), y.end()), false, x.watchlistIds(),
                            Math.max(x.confidence(), y.confidence()), x.placed()));
                    mentions.remove(k);
                    merged = true;
                    break;
                }
            }
        }
    }

    /** Modifiers made of a place: "Osaka-based", "Texas-born". */
    private static final Set<String> PLACE_SUFFIXES = Set.of("based", "born", "headquartered", "registered");

    /**
     * A name before "-led", "-backed" and the like is a name of its own inside the word
     * ("[NATO]-led"): the word is one token, so neither the model nor the gazetteer sees it. Kept
     * when the document names it elsewhere or the gazetteer knows it, with that type.
     */
    private static void hyphenPrefixes(List<FoundMention> mentions, Gazetteer gazetteer, List<List<Token>> sentences) {
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
                Gazetteer.Entry e = gazetteer.match(prefix.split(" "), 0, false);
                type = e != null && e.tokens().length == prefix.split(" ").length ? e.type()
                        : PLACE_SUFFIXES.contains(suffix) ? EntityType.LOCATION : EntityType.MISC;
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
                    Gazetteer.Entry e = gazetteer.match(new String[] {prefix}, 0, false);
                    type = e != null && e.tokens().length == 1 ? e.type() : null;
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
    private static void abbreviations(List<FoundMention> mentions, List<List<Token>> sentences) {
        for (List<Token> sentence : sentences) {
            for (int i = 1; i + 2 < sentence.size(); i++) {
                Token abbreviation = sentence.get(i + 1);
                if (!sentence.get(i).text().equals("(") || !sentence.get(i + 2).text().equals(")")
                        || !isAbbreviation(abbreviation.text())) {
                    continue;
                }
                Token before = sentence.get(i - 1);
                FoundMention longForm = null;
                for (FoundMention m : mentions) {
                    if (m.field() == before.field() && m.end() == before.end() && m.type() != EntityType.PERSON) {
                        longForm = m;
                    }
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
                    mentions.removeIf(x -> !x.fromDictionary() && x.field() == first.field() && x.start() >= first.start()
                            && x.end() <= before.end());
                    if (overlapsAny(mentions, first, -1) || overlapsAny(mentions, before, -1)) {
                        continue;
                    }
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
            char c = a.charAt(k);
            int found = -1;
            for (int j = at; j < l.length(); j++) {
                if (l.charAt(j) == c) {
                    found = j;
                    break;
                }
            }
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

    private static boolean overlapsAny(List<FoundMention> mentions, Token t, int except) {
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

    private static List<Token> tokensOf(FoundMention m, List<List<Token>> sentences) {
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

    private static FoundMention mention(EntityType type, Token first, Token last, double confidence) {
        return new FoundMention(type, first.field(), first.start(), last.end(),
                first.source().substring(first.start(), last.end()), false, Set.of(), confidence);
    }

    private static boolean isAcronym(String s) {
        return s.length() >= 2 && s.chars().allMatch(c -> Character.isUpperCase(c) || c == '.' || c == '&');
    }
}
