package io.newswatch.enrich.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import opennlp.tools.util.Span;

/**
 * How the words of one document are written where the document is not shouting, to read its
 * all-capitals lines (headlines, datelines) as if they were written normally: "U.N. ENVOY TO VISIT
 * SYRIA" is given to the name finder as "U.N. envoy to visit Syria" when the text says "Syria".
 * Words the document never writes otherwise stay as they are, except English words that are not
 * names ("spreads", "deal"); short capitals words ("US", "EU") stay too, being mostly acronyms.
 */
public final class CaseMemory {

    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "to", "of", "in", "on", "at", "as",
            "for", "with", "by", "and", "or", "from", "after", "before", "over", "into", "against", "is", "are", "was",
            "were", "be", "says", "said", "say", "will", "new", "not", "no", "but", "its", "his", "her", "their", "up",
            "down", "out", "off", "first", "second", "win", "wins", "beat", "beats", "lose", "loses", "draw", "result",
            "results", "report", "reports", "talks", "urges", "plans", "set", "sees", "hit", "hits", "back", "more",
            "less", "than", "amid", "under", "between", "near", "may", "could", "would", "has", "have", "had");

    /** Capitals words this short are more often acronyms ("US", "EU", "BOJ") than the word they spell. */
    private static final int ACRONYM_LETTERS = 3;

    private final Map<String, String> forms;
    private final CommonWords words;

    private CaseMemory(Map<String, String> forms, CommonWords words) {
        this.forms = forms;
        this.words = words;
    }

    static CaseMemory of(List<AnalyzedText> texts, CommonWords words) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (AnalyzedText text : texts) {
            for (AnalyzedText.Sentence s : text.sentences()) {
                if (isHeadline(s.tokens())) {
                    continue;
                }
                String[] tokens = s.tokens();
                for (int i = 0; i < tokens.length; i++) {
                    String t = tokens[i];
                    boolean lower = !t.isEmpty() && Character.isLowerCase(t.codePointAt(0));
                    // A capital at the start of a sentence says nothing about the word.
                    if (i == 0 && !lower || !hasLetter(t) || isUpper(t)) {
                        continue;
                    }
                    counts.computeIfAbsent(t.toLowerCase(Locale.ROOT), k -> new HashMap<>()).merge(t, 1, Integer::sum);
                }
            }
        }
        Map<String, String> forms = new HashMap<>();
        counts.forEach((lower, byForm) -> forms.put(lower,
                byForm.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()));
        return new CaseMemory(forms, words);
    }

    /**
     * The tokens of a headline as the document writes them elsewhere; with {@code words}, English
     * words it never writes are lower-cased too. That suits a headline, not a results line in
     * title case ("Tomas Vrba ( Czech Republic ) beat ..."), whose capitals are names.
     */
    String[] recase(String[] tokens, boolean words) {
        String[] out = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            String lower = t.toLowerCase(Locale.ROOT);
            String known = forms.get(lower);
            out[i] = known != null ? known
                    : (words ? unwrittenWord(t, lower) : FUNCTION_WORDS.contains(lower)) ? lower : t;
        }
        return out;
    }

    /**
     * The literal reading's names in a capitals line, less the English words at their ends that
     * the document never writes capitalised: "QANTAS POSTS" is "QANTAS", "SPREADS" is nothing.
     * Only verbs are cut from the end ("BANK OF ENGLAND" keeps its nouns); a name made only of
     * such words goes.
     */
    Span[] withoutWords(String[] tokens, Span[] names) {
        List<Span> kept = new ArrayList<>(names.length);
        for (Span name : names) {
            int end = name.getEnd();
            while (end - name.getStart() > 1 && unwrittenVerb(tokens[end - 1])) {
                end--;
            }
            boolean onlyWords = true;
            for (int i = name.getStart(); i < end && onlyWords; i++) {
                onlyWords = !hasLetter(tokens[i]) || unwrittenWord(tokens[i], tokens[i].toLowerCase(Locale.ROOT));
            }
            if (!onlyWords) {
                kept.add(end == name.getEnd() ? name : new Span(name.getStart(), end, name.getType(), name.getProb()));
            }
        }
        return kept.toArray(Span[]::new);
    }

    /** An English word or function word that the document never writes capitalised. */
    private boolean unwrittenWord(String token, String lower) {
        if (FUNCTION_WORDS.contains(lower)) {
            return true;
        }
        String known = forms.get(lower);
        if (known != null && Character.isUpperCase(known.codePointAt(0)) || isUpper(token) && letters(token) <= ACRONYM_LETTERS) {
            return false;
        }
        return words.isWord(lower);
    }

    private boolean unwrittenVerb(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        return unwrittenWord(token, lower) && (FUNCTION_WORDS.contains(lower) || words.canBeVerb(lower));
    }

    private static int letters(String t) {
        int n = 0;
        for (int i = 0; i < t.length(); i++) {
            n += Character.isLetter(t.charAt(i)) ? 1 : 0;
        }
        return n;
    }

    /**
     * A headline: in capitals, or in title case (at least three capitalised words and no other
     * lower-case words than function words: "Late Goal Sends Rovers Past City").
     */
    public static boolean isHeadline(String[] tokens) {
        if (isShouting(tokens)) {
            return true;
        }
        int capitalised = 0;
        for (String t : tokens) {
            if (!hasLetter(t)) {
                continue;
            }
            int first = t.codePointAt(0);
            if (Character.isUpperCase(first)) {
                capitalised++;
            } else if (Character.isLetter(first) && !FUNCTION_WORDS.contains(t.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return capitalised >= 3;
    }

    /** A headline or dateline in capitals: letters only in capitals, and at least one word of 3 letters. */
    public static boolean isShouting(String[] tokens) {
        boolean word = false;
        for (String t : tokens) {
            if (!hasLetter(t)) {
                continue;
            }
            if (!isUpper(t)) {
                return false;
            }
            word |= letters(t) >= 3;
        }
        return word;
    }

    private static boolean hasLetter(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isLetter(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUpper(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isLowerCase(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
