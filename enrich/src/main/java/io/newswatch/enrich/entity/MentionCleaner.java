package io.newswatch.enrich.entity;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newswatch.schemas.EntityType;

/**
 * Trims what is not part of a name: titles and roles before a person's name ("Home Secretary
 * Amber Rudd" → "Amber Rudd"), a trailing possessive, surrounding punctuation.
 */
public final class MentionCleaner {

    /** Words that, leading a person mention, are a title or role rather than the name. */
    private static final Set<String> TITLE_WORDS = Set.of(
            "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "professor", "sir", "dame",
            "lord", "lady", "baroness", "baron", "king", "queen", "prince", "princess", "pope", "rev", "rev.",
            "reverend", "father", "sister", "brother", "sheikh", "imam", "rabbi", "president", "vice", "prime",
            "minister", "secretary", "home", "foreign", "defence", "defense", "justice", "interior", "health",
            "chancellor", "deputy", "assistant", "commissioner", "chief", "constable", "inspector", "detective",
            "superintendent", "sergeant", "sgt", "sgt.", "officer", "agent", "director", "general", "gen", "gen.",
            "col", "col.", "colonel", "major", "maj", "maj.", "captain", "capt", "capt.", "lieutenant", "lt", "lt.",
            "admiral", "commander", "senator", "sen", "sen.", "rep", "rep.", "representative", "congressman",
            "congresswoman", "governor", "gov", "gov.", "mayor", "judge", "attorney", "ambassador", "spokesman",
            "spokeswoman", "spokesperson", "ceo", "chairman", "chairwoman", "coach", "manager", "u.k.", "u.k", "uk", "u.s.", "u.s",
            "us", "british", "american", "former", "late", "then", "acting", "mp", "mep", "state", "labour",
            "conservative", "democratic", "republican", "leader", "opposition", "shadow", "first", "lady's");

    /** Title words that are also names of places, nationalities or parties ("U.S.", "Labour"). */
    private static final Set<String> NAME_LIKE_TITLE_WORDS = Set.of("u.k.", "u.k", "uk", "u.s.", "u.s", "us", "british",
            "american", "labour", "conservative", "democratic", "republican");

    /** Forms of address that never belong to a name, whatever the model typed it as ("Mr. Obama" ORG). */
    private static final Set<String> ADDRESS_WORDS = Set.of("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "gen.",
            "sen.", "rep.", "gov.", "col.", "lt.", "sgt.", "capt.", "maj.", "prof.", "rev.", "adm.", "cmdr.", "cpl.", "pvt.",
            "supt.", "insp.", "det.");

    private static final Pattern POSSESSIVE = Pattern.compile("(?:['’]s|['’])$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private MentionCleaner() {
    }

    public static FoundMention clean(FoundMention m) {
        int start = m.start();
        int end = m.end();
        String text = m.text();
        // Possessive and edge punctuation.
        Matcher possessive = POSSESSIVE.matcher(text);
        if (possessive.find() && possessive.start() > 0) {
            end -= text.length() - possessive.start();
            text = text.substring(0, possessive.start());
        }
        int lead = 0;
        while (lead < text.length() && !Character.isLetterOrDigit(text.charAt(lead))) {
            lead++;
        }
        int trail = text.length();
        while (trail > lead && !Character.isLetterOrDigit(text.charAt(trail - 1)) && text.charAt(trail - 1) != '.') {
            trail--;
        }
        start += lead;
        end -= text.length() - trail;
        text = text.substring(lead, trail);
        EntityType type = m.type();
        if (!m.fromDictionary()) {
            // Drop leading title words (of a person; forms of address of any mention) while a name remains.
            while (true) {
                int space = text.indexOf(' ');
                if (space < 0) {
                    break;
                }
                String first = text.substring(0, space).toLowerCase(Locale.ROOT);
                if (!(m.type() == EntityType.PERSON ? TITLE_WORDS : ADDRESS_WORDS).contains(first)) {
                    break;
                }
                // "Gen. Oumar Diarra" typed ORG: a form of address is followed by a person's name.
                type = EntityType.PERSON;
                int next = space;
                while (next < text.length() && text.charAt(next) == ' ') {
                    next++;
                }
                start += next;
                text = text.substring(next);
            }
        }
        return new FoundMention(type, m.field(), start, end, text, m.fromDictionary(), m.watchlistIds(), m.confidence(),
                m.placed());
    }

    /** Whether the mention is only title words ("Home Secretary", "U.K Home Secretary"): a role, not a name. */
    public static boolean isOnlyTitle(FoundMention m) {
        boolean role = false;
        for (String w : WHITESPACE.split(m.text())) {
            if (!isTitleWord(w)) {
                return false;
            }
            // "U.S." or "British" alone is a place or a nationality, "U.K Home Secretary" a role.
            role |= m.type() == EntityType.PERSON || !NAME_LIKE_TITLE_WORDS.contains(w.toLowerCase(Locale.ROOT));
        }
        return role && !m.fromDictionary();
    }

    static boolean isTitleWord(String word) {
        return TITLE_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }
}
