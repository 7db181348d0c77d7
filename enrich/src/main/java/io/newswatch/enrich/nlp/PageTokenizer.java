package io.newswatch.enrich.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;

/**
 * Sentences and tokens the way the page and the CoNLL-2003 name finders want them: every line
 * break ends a sentence (a byline is never read into the dateline after it), the sentence model
 * splits within a line, and the classic PTB-style token model is corrected where it differs from
 * the Penn Treebank tokens the name finders were trained on: quotes and dashes glued to words are
 * split off, curly quotes and apostrophes are given to the model as straight ones, and
 * abbreviations ("Gen.", "Inc.", "U.S.") stay one token. All spans are offsets into the original text.
 */
final class PageTokenizer {

    /** Abbreviations written with a final dot that the token model splits off ("Gen" "."). */
    /**
     * U.S. states as news datelines write them ("SAN JOSE, Calif."), and "Jr."/"Sr.": their dot is
     * theirs even where the sentence detector ends a sentence after them ("SAN JOSE, Calif. (Jan. 14)").
     */
    static final Set<String> NAME_ABBREVIATIONS = Set.of("ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla",
            "ga", "ill", "ind", "kan", "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb",
            "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "jr", "sr");
    static final Set<String> ABBREVIATIONS = Stream.concat(NAME_ABBREVIATIONS.stream(), Set.of("mr",
            "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "sen", "rep", "gov", "prof", "st", "capt", "maj", "adm", "rev",
            "inc", "corp", "co", "ltd", "bros", "mt", "ft", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "vs", "cmdr", "lieut", "supt", "insp", "det", "cpl", "pvt", "messrs", "mme",
            "mlle", "plc", "ave", "blvd", "dept", "univ", "est", "fig", "pres", "gens", "reps", "sens", "hon").stream())
            .collect(Collectors.toUnmodifiableSet());

    private PageTokenizer() {
    }

    static List<AnalyzedText.Sentence> sentences(String text, SentenceDetectorME detector, TokenizerME tokenizer) {
        List<AnalyzedText.Sentence> sentences = new ArrayList<>();
        int lineStart = 0;
        int n = text.length();
        while (lineStart < n) {
            int lineEnd = lineStart;
            while (lineEnd < n && !isLineBreak(text.charAt(lineEnd))) {
                lineEnd++;
            }
            if (!text.substring(lineStart, lineEnd).isBlank()) {
                String line = text.substring(lineStart, lineEnd);
                for (Span s : joinAbbreviations(line, detector.sentPosDetect(line))) {
                    AnalyzedText.Sentence sentence = tokens(text, lineStart + s.getStart(), lineStart + s.getEnd(), tokenizer);
                    if (sentence.tokens().length > 0) {
                        sentences.add(sentence);
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
        return sentences;
    }

    static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';
    }

    /** Sentence ends after a title or company abbreviation followed by more of the name are undone. */
    private static List<Span> joinAbbreviations(String line, Span[] spans) {
        List<Span> joined = new ArrayList<>();
        for (Span s : spans) {
            if (!joined.isEmpty()) {
                Span prev = joined.get(joined.size() - 1);
                String before = line.substring(prev.getStart(), prev.getEnd());
                String next = line.substring(s.getStart(), s.getEnd());
                if (endsWithAbbreviation(before) && !next.isEmpty()
                        && (Character.isUpperCase(next.codePointAt(0)) || Character.isDigit(next.codePointAt(0)))
                        && isTitleAbbreviation(before)
                        || !next.isEmpty() && Character.isLowerCase(next.codePointAt(0))) {
                    joined.set(joined.size() - 1, new Span(prev.getStart(), s.getEnd()));
                    continue;
                }
            }
            joined.add(s);
        }
        return joined;
    }

    private static String lastWord(String sentence) {
        String s = sentence.stripTrailing();
        int i = s.length();
        while (i > 0 && !Character.isWhitespace(s.charAt(i - 1))) {
            i--;
        }
        return s.substring(i);
    }

    private static boolean endsWithAbbreviation(String sentence) {
        String w = lastWord(sentence);
        return w.endsWith(".") && ABBREVIATIONS.contains(w.substring(0, w.length() - 1).toLowerCase(Locale.ROOT));
    }

    /** Titles always go on with a name ("Gen. Ali Hassan"); "Inc." or "Co." may end a sentence. */
    private static boolean isTitleAbbreviation(String sentence) {
        String w = lastWord(sentence).toLowerCase(Locale.ROOT);
        return TITLE_ABBREVIATIONS.contains(w);
    }

    private static final Set<String> TITLE_ABBREVIATIONS = Set.of("mr.", "mrs.", "ms.", "dr.", "gen.", "col.", "lt.", "sgt.",
            "sen.", "rep.", "gov.", "prof.", "st.", "capt.", "maj.", "adm.", "rev.", "cmdr.", "lieut.", "supt.", "insp.", "det.",
            "cpl.", "pvt.", "messrs.", "hon.", "mt.", "ft.", "no.");

    private static AnalyzedText.Sentence tokens(String text, int start, int end, TokenizerME tokenizer) {
        String sentence = text.substring(start, end);
        Span[] local = tokenizer.tokenizePos(sentence);
        List<int[]> spans = new ArrayList<>();
        for (Span t : local) {
            split(sentence, t.getStart(), t.getEnd(), spans);
        }
        splitFinalPeriod(sentence, spans);
        List<int[]> merged = mergeAbbreviations(sentence, spans);
        Span[] absolute = new Span[merged.size()];
        String[] tokens = new String[merged.size()];
        for (int i = 0; i < merged.size(); i++) {
            int[] t = merged.get(i);
            absolute[i] = new Span(start + t[0], start + t[1]);
            tokens[i] = modelForm(sentence.substring(t[0], t[1]));
        }
        return new AnalyzedText.Sentence(new Span(start, end), absolute, tokens);
    }

    /** Splits quotes, em- and en-dashes off a token, and a curly-apostrophe possessive or negation. */
    private static void split(String s, int from, int to, List<int[]> into) {
        int a = from;
        int b = to;
        List<int[]> tail = new ArrayList<>();
        while (b - a > 1 && isQuote(s.charAt(a)) && !isClitic(s, a, b)) {
            into.add(new int[] {a, a + 1});
            a++;
        }
        while (b - a > 1 && (isQuote(s.charAt(b - 1)) && !(s.charAt(b - 1) == '\'' || s.charAt(b - 1) == '’')
                || (s.charAt(b - 1) == '\'' || s.charAt(b - 1) == '’') && b - a > 2 && Character.isLetter(s.charAt(b - 2)))) {
            tail.add(0, new int[] {b - 1, b});
            b--;
        }
        // "Obama’s", "didn’t": the token model only knows the straight apostrophe.
        if (b - a > 2 && s.charAt(b - 2) == '’' && (s.charAt(b - 1) == 's' || s.charAt(b - 1) == 'S')) {
            tail.add(0, new int[] {b - 2, b});
            b -= 2;
        } else if (b - a > 3 && s.regionMatches(true, b - 3, "n’t", 0, 3)) {
            tail.add(0, new int[] {b - 3, b});
            b -= 3;
        }
        int piece = a;
        for (int i = a; i < b; i++) {
            char c = s.charAt(i);
            boolean dash = c == '—' || c == '–' || c == '―' || c == '-' && i + 1 < b && s.charAt(i + 1) == '-';
            if (dash && b - a > 1) {
                if (i > piece) {
                    into.add(new int[] {piece, i});
                }
                int j = i + 1;
                while (j < b && (s.charAt(j) == '-' && c == '-')) {
                    j++;
                }
                into.add(new int[] {i, j});
                piece = j;
                i = j - 1;
            }
        }
        if (b > piece) {
            into.add(new int[] {piece, b});
        }
        into.addAll(tail);
    }

    /**
     * The token model sometimes leaves a sentence's full stop on its last word ("UNICEF."), which
     * then is no name the model or the gazetteer knows. As in the Penn Treebank, the stop is its own
     * token unless the word is an abbreviation ("Inc.", "U.S.").
     */
    private static void splitFinalPeriod(String s, List<int[]> spans) {
        if (spans.isEmpty()) {
            return;
        }
        int[] last = spans.get(spans.size() - 1);
        String word = s.substring(last[0], last[1]);
        if (word.length() < 3 || word.charAt(word.length() - 1) != '.') {
            return;
        }
        String stem = word.substring(0, word.length() - 1);
        if (stem.indexOf('.') >= 0 || !Character.isLetterOrDigit(stem.charAt(stem.length() - 1))
                || ABBREVIATIONS.contains(stem.toLowerCase(Locale.ROOT))) {
            return;
        }
        spans.set(spans.size() - 1, new int[] {last[0], last[1] - 1});
        spans.add(new int[] {last[1] - 1, last[1]});
    }

    /** "'s", "’re", "'ll": the apostrophe belongs to the token. */
    private static boolean isClitic(String s, int a, int b) {
        char c = s.charAt(a);
        return (c == '\'' || c == '’') && CLITICS.contains(s.substring(a + 1, b).toLowerCase(Locale.ROOT));
    }

    private static final Set<String> CLITICS = Set.of("s", "re", "ve", "ll", "d", "m", "t");

    private static boolean isQuote(char c) {
        return c == '"' || c == '“' || c == '”' || c == '„' || c == '‘' || c == '’' || c == '«' || c == '»' || c == '\''
                || c == '`';
    }

    /** "Gen" "." written together become "Gen."; so do "U.S" "." ("U.S."). */
    private static List<int[]> mergeAbbreviations(String s, List<int[]> spans) {
        List<int[]> out = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            int[] t = spans.get(i);
            if (i + 1 < spans.size()) {
                int[] next = spans.get(i + 1);
                boolean dotAfter = next[0] == t[1] && next[1] - next[0] == 1 && s.charAt(next[0]) == '.';
                String word = s.substring(t[0], t[1]);
                boolean lastOfSentence = i + 2 == spans.size();
                String lower = word.toLowerCase(Locale.ROOT);
                // "Calif." and "Jr." are capitalised; "He fell ill." ends with a full stop.
                boolean keepsDot = isTitle(word) || NAME_ABBREVIATIONS.contains(lower) && Character.isUpperCase(word.charAt(0));
                if (dotAfter && (ABBREVIATIONS.contains(lower) && !(lastOfSentence && !keepsDot) || isInitials(word))) {
                    out.add(new int[] {t[0], next[1]});
                    i++;
                    continue;
                }
            }
            out.add(t);
        }
        return out;
    }

    private static boolean isTitle(String word) {
        return isTitleAbbreviation(word + ".");
    }

    /** "U.S", "U.N", "C" (an initial): letters with inner dots, or one capital. */
    private static boolean isInitials(String word) {
        if (word.length() == 1) {
            return Character.isUpperCase(word.charAt(0));
        }
        if (word.indexOf('.') < 0) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(Character.isLetter(c) || c == '.')) {
                return false;
            }
        }
        return word.charAt(word.length() - 1) != '.';
    }

    /** The token as the model knows it: straight quotes, "-" for dashes, "'s" for "’s". */
    static String modelForm(String token) {
        if (token.length() == 1) {
            return switch (token.charAt(0)) {
                case '“', '”', '„', '«', '»' -> "\"";
                case '‘', '’', '`' -> "'";
                case '—', '–', '―' -> "-";
                default -> token;
            };
        }
        if (token.indexOf('’') >= 0) {
            return token.replace('’', '\'');
        }
        if (token.startsWith("--")) {
            return "-";
        }
        return token;
    }
}
