package io.newswatch.enrich.entity;

import static io.newswatch.enrich.entity.DocumentNames.NOT_NAME_WORDS;
import static io.newswatch.enrich.entity.DocumentNames.overlapsAny;
import static io.newswatch.enrich.entity.DocumentNames.textsOf;
import static io.newswatch.enrich.entity.DocumentNames.tokensOf;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.newswatch.enrich.entity.DocumentNames.Token;
import io.newswatch.enrich.gazetteer.Gazetteer;
import io.newswatch.enrich.nlp.CommonWords;
import io.newswatch.schemas.EntityType;

/**
 * The document passes about companies and other bodies: a legal form makes a company and joins its
 * name, the words around a name make it one ("Kessler shares fell", "shares in Tamfelt"), and a
 * body's name cut by the model at "and", "of" or "for" is made whole again.
 */
final class CompanyNames {

    /** Words that end a company's name ("General Motors Co.", "Amazon.com Inc."). */
    private static final Set<String> COMPANY_SUFFIXES = Set.of("Inc.", "Inc", "Co.", "Corp.", "Corp", "Ltd.", "Ltd",
            "Plc", "plc", "PLC", "LLC", "AG", "SA", "NV", "N.V.", "S.A.", "GmbH", "SpA", "AB", "ASA", "Cos.");

    /**
     * A company's name goes on with its legal form: "Co." after "General Motors" is part of it. A
     * name with a legal form is a company whatever the model read ("McDonnell Douglas Corp" is no
     * person), and takes in the capitalised words the model left before it ("Lockheed" of
     * "Lockheed Martin Corp").
     */
    static void companySuffixes(List<FoundMention> mentions, List<List<Token>> sentences) {
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
    /** Capitalised words that are no company, though not in the word list ("shares in January"). */
    private static final Set<String> CALENDAR_WORDS = Set.of("January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday",
            "Thursday", "Friday", "Saturday", "Sunday", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.", "Oct.",
            "Nov.", "Dec.");

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
    static void companyContext(List<FoundMention> mentions, Gazetteer gazetteer, List<List<Token>> sentences) {
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
            String[] words = textsOf(tokens);
            Gazetteer.Entry known = gazetteer.named(words, false);
            if (known != null && known.settlesType() && known.type() != EntityType.ORGANIZATION) {
                continue;
            }
            Around around = Around.of(sentences.get(tokens.get(0).sentence()), tokens.get(0).index(),
                    tokens.get(tokens.size() - 1).index() + 1);
            if (around.sharesMove() || around.sharesBought() || COMPANY_ROLES.contains(around.next())
                    || around.next().equals("chief") && around.then().equals("executive")) {
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
    static void companiesInContext(List<FoundMention> mentions, Gazetteer gazetteer, CommonWords words,
            List<List<Token>> sentences) {
        for (List<Token> sentence : sentences) {
            for (int i = 0; i < sentence.size(); i++) {
                Token t = sentence.get(i);
                String w = t.text();
                if (t.shouting() || w.length() < 2 || !Character.isUpperCase(w.codePointAt(0))) {
                    continue;
                }
                // The context first: it is the cheap test, and rarely met.
                Around around = Around.of(sentence, i, i + 1);
                boolean company = around.sharesMove() || around.next().equals("shareholders")
                        || around.sharesBought() && !(!around.next().isEmpty() && Character.isUpperCase(around.next().charAt(0)));
                if (!company || NOT_NAME_WORDS.contains(w) || CALENDAR_WORDS.contains(w) || words.isWord(w.toLowerCase(Locale.ROOT))
                        || overlapsAny(mentions, t, -1)) {
                    continue;
                }
                Gazetteer.Entry known = gazetteer.named(new String[] {w}, false);
                if (known == null || known.type() == EntityType.ORGANIZATION) {
                    mentions.add(new FoundMention(EntityType.ORGANIZATION, t.field(), t.start(), t.end(), w, false, Set.of(),
                            COMPANY_CONTEXT));
                }
            }
        }
    }

    /** The two words before a name (the earlier in lower case) and the two after it. */
    private record Around(String earlier, String previous, String next, String then) {

        static Around of(List<Token> sentence, int before, int after) {
            return new Around(before > 1 ? sentence.get(before - 2).text().toLowerCase(Locale.ROOT) : "",
                    before > 0 ? sentence.get(before - 1).text() : "",
                    after < sentence.size() ? sentence.get(after).text() : "",
                    after + 1 < sentence.size() ? sentence.get(after + 1).text() : "");
        }

        /** "X shares fell", "X stock jumped". */
        boolean sharesMove() {
            return (next.equals("shares") || next.equals("stock")) && PRICE_MOVES.contains(then);
        }

        /** "shares in X", "a stake of X", but not "shares in Italy's banks". */
        boolean sharesBought() {
            return (previous.equals("in") || previous.equals("of")) && (earlier.equals("shares") || earlier.equals("stake"))
                    && !next.equals("'s") && !next.equals("’s");
        }
    }

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
    static void joinedBodies(List<FoundMention> mentions, List<List<Token>> sentences) {
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
                // A place or a word read as a name joins the body; a person or another body does
                // not ("Microsoft and Apple Inc." are two companies).
                if (y.start() == first.start() && y.end() == first.end() && !y.fromDictionary()
                        && (y.type() == EntityType.LOCATION || y.type() == EntityType.MISC)) {
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
    static void longBodyNames(List<FoundMention> mentions, List<List<Token>> sentences) {
        for (int m = 0; m < mentions.size(); m++) {
            // A merged name is looked at again, where it now is: it may go on with a second "of".
            for (int merged = mergeNext(mentions, m, sentences); merged >= 0; merged = mergeNext(mentions, m, sentences)) {
                m = merged;
            }
        }
    }

    /**
     * Merges the mention at {@code m} with the name after its "of" or "for"; the merged mention's
     * index, or -1 when there was nothing to merge.
     */
    private static int mergeNext(List<FoundMention> mentions, int m, List<List<Token>> sentences) {
        FoundMention x = mentions.get(m);
        if (x.fromDictionary() || x.type() != EntityType.ORGANIZATION) {
            return -1;
        }
        List<Token> tokens = tokensOf(x, sentences);
        if (tokens.isEmpty() || tokens.get(0).shouting() || !LONG_NAME_HEADS.contains(tokens.get(tokens.size() - 1).text())) {
            return -1;
        }
        List<Token> sentence = sentences.get(tokens.get(0).sentence());
        int at = tokens.get(tokens.size() - 1).index() + 1;
        if (at >= sentence.size() || !Set.of("of", "for").contains(sentence.get(at).text())) {
            return -1;
        }
        boolean forPlace = sentence.get(at).text().equals("for");
        at++;
        if (at < sentence.size() && sentence.get(at).text().equals("the")) {
            forPlace = false;
            at++;
            if (at < sentence.size() && sentence.get(at).text().equals("former")) {
                at++;
            }
        }
        if (at >= sentence.size()) {
            return -1;
        }
        Token next = sentence.get(at);
        for (int k = 0; k < mentions.size(); k++) {
            FoundMention y = mentions.get(k);
            // "the International Monetary Fund for Pakistan" is a loan's purpose, not a name.
            if (k == m || y.fromDictionary() || y.field() != next.field() || y.start() != next.start()
                    || y.type() == EntityType.PERSON || y.type() == EntityType.MISC
                    || forPlace && y.type() == EntityType.LOCATION) {
                continue;
            }
            mentions.set(m, new FoundMention(EntityType.ORGANIZATION, x.field(), x.start(), y.end(),
                    next.source().substring(x.start(), y.end()), false, x.watchlistIds(),
                    Math.max(x.confidence(), y.confidence()), x.placed()));
            mentions.remove(k);
            return k < m ? m - 1 : m;
        }
        return -1;
    }

    private CompanyNames() {
    }
}
