package io.newswatch.enrich.entity;

import static io.newswatch.enrich.entity.DocumentNames.textsOf;
import static io.newswatch.enrich.entity.DocumentNames.tokensOf;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.newswatch.enrich.entity.DocumentNames.Token;
import io.newswatch.enrich.gazetteer.Gazetteer;
import io.newswatch.schemas.EntityType;

/** Events, awards, laws and titles of works are MISC, not people, bodies or places. */
final class EventsAndWorks {

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
    static void eventsAndWorks(List<FoundMention> mentions, Gazetteer gazetteer, List<List<Token>> sentences) {
        for (int m = 0; m < mentions.size(); m++) {
            FoundMention x = mentions.get(m);
            // A name already read as a company by its shares ("Epic Games shares fell") stays one.
            if (x.fromDictionary() || x.placed() || x.type() == EntityType.MISC || x.confidence() >= CompanyNames.COMPANY_CONTEXT) {
                continue;
            }
            List<Token> tokens = tokensOf(x, sentences);
            if (tokens.isEmpty()) {
                continue;
            }
            String[] words = textsOf(tokens);
            if (gazetteer.named(words, tokens.get(0).shouting()) != null) {
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

    private EventsAndWorks() {
    }
}
