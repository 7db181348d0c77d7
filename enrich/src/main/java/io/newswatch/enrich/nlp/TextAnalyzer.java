package io.newswatch.enrich.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.util.Span;

/**
 * Language, sentences, tokens and names with OpenNLP. Thread-safe: the models are shared, the
 * OpenNLP tools (which keep per-call state) are created once per thread.
 */
public final class TextAnalyzer {

    /** Sentences longer than this are fed to the name finder in pieces. */
    static final int MAX_SENTENCE_TOKENS = 250;
    /** Enough text to tell the language; more only costs time. */
    static final int LANGUAGE_SAMPLE_CHARS = 600;

    private final NlpModels models;
    private final ThreadLocal<Tools> tools;
    /** Null when the language model needs OpenNLP's own detector. */
    private final CharGramLanguageDetector languages;

    public TextAnalyzer(NlpModels models) {
        this.models = models;
        this.languages = CharGramLanguageDetector.forModel(models.languages());
        this.tools = ThreadLocal.withInitial(() -> new Tools(models));
    }

    public NlpModels models() {
        return models;
    }

    public LanguageGuess language(String title, String text) {
        String sample = title + "\n" + (text.length() > LANGUAGE_SAMPLE_CHARS ? text.substring(0, LANGUAGE_SAMPLE_CHARS) : text);
        if (sample.isBlank()) {
            return LanguageGuess.UNKNOWN;
        }
        if (languages != null) {
            return languages.predict(sample);
        }
        Language best = tools.get().languages.predictLanguage(sample);
        return new LanguageGuess(best.getLang(), best.getConfidence());
    }

    public AnalyzedText analyze(String text) {
        Tools t = tools.get();
        return new AnalyzedText(text, PageTokenizer.sentences(text, t.sentences, t.tokens));
    }

    public boolean hasNameFinder(String language) {
        return models.nameFinders().containsKey(language);
    }

    /**
     * Names in the analysed texts of one document (title and body share the document context of
     * the name finder, which remembers earlier decisions within a document).
     */
    public List<List<NameMention>> names(String language, List<AnalyzedText> texts) {
        NameFinderME finder = tools.get().finder(language);
        NameFinderME second = tools.get().finder(language + NlpModels.SECOND);
        if (finder == null) {
            return texts.stream().map(x -> List.<NameMention>of()).toList();
        }
        List<List<NameMention>> result = new ArrayList<>();
        CaseMemory casing = null;
        boolean top = true;
        try {
            for (AnalyzedText text : texts) {
                List<NameMention> found = new ArrayList<>();
                for (int sentence = 0; sentence < text.sentences().size(); sentence++) {
                    AnalyzedText.Sentence s = text.sentences().get(sentence);
                    for (int from = 0; from < s.tokens().length; from += MAX_SENTENCE_TOKENS) {
                        int to = Math.min(s.tokens().length, from + MAX_SENTENCE_TOKENS);
                        String[] piece = from == 0 && to == s.tokens().length ? s.tokens()
                                : Arrays.copyOfRange(s.tokens(), from, to);
                        if (!CaseMemory.isHeadline(piece)) {
                            Span[] names = finder.find(piece);
                            add(names, finder.probs(names), s, from, text, found);
                            if (second != null) {
                                Span[] more = notOverlapping(second.find(piece), names);
                                add(more, second.probs(more), s, from, text, found);
                            }
                            continue;
                        }
                        // A headline or dateline is read as the document writes its words elsewhere
                        // ("U.N. envoy to visit Syria"): the model's reading of capitals and title
                        // case is poor. In capitals, names only the literal reading finds are kept too.
                        if (casing == null) {
                            casing = CaseMemory.of(texts, models.commonWords());
                        }
                        // Title case is a headline's at the top of the document; elsewhere it is a
                        // line of names (a dateline, a byline, a results line).
                        boolean capitals = CaseMemory.isShouting(piece);
                        boolean words = capitals || top && sentence == 0 && from == 0;
                        Span[] first = capitals ? casing.withoutWords(piece, finder.find(piece))
                                : finder.find(casing.recase(piece, words));
                        add(first, finder.probs(first), s, from, text, found);
                        if (capitals) {
                            Span[] extraNames = notOverlapping(finder.find(casing.recase(piece, true)), first);
                            add(extraNames, finder.probs(extraNames), s, from, text, found);
                        }
                    }
                }
                result.add(found);
                top &= text.sentences().isEmpty();
            }
        } finally {
            finder.clearAdaptiveData();
            if (second != null) {
                second.clearAdaptiveData();
            }
        }
        return result;
    }

    private static Span[] notOverlapping(Span[] candidates, Span[] kept) {
        List<Span> out = new ArrayList<>();
        for (Span c : candidates) {
            boolean overlaps = false;
            for (Span k : kept) {
                overlaps |= c.intersects(k);
            }
            if (!overlaps) {
                out.add(c);
            }
        }
        return out.toArray(Span[]::new);
    }

    private static void add(Span[] names, double[] probs, AnalyzedText.Sentence s, int from, AnalyzedText text,
            List<NameMention> into) {
        for (int i = 0; i < names.length; i++) {
            Span name = names[i];
            int start = s.tokenSpans()[from + name.getStart()].getStart();
            int end = s.tokenSpans()[from + name.getEnd() - 1].getEnd();
            into.add(new NameMention(name.getType(), start, end, text.text().substring(start, end), probs[i]));
        }
    }

    /** The token arrays the name finder is given for one sentence: the sentence, or pieces of a long one. */
    public static List<String[]> finderPieces(String[] tokens) {
        if (tokens.length <= MAX_SENTENCE_TOKENS) {
            return List.<String[]>of(tokens);
        }
        List<String[]> pieces = new ArrayList<>();
        for (int from = 0; from < tokens.length; from += MAX_SENTENCE_TOKENS) {
            pieces.add(Arrays.copyOfRange(tokens, from, Math.min(tokens.length, from + MAX_SENTENCE_TOKENS)));
        }
        return pieces;
    }

    /** Per-thread OpenNLP tools. */
    private static final class Tools {
        final LanguageDetectorME languages;
        final SentenceDetectorME sentences;
        final TokenizerME tokens;
        final Map<String, TokenNameFinderModel> finderModels;
        final Map<String, NameFinderME> finders = new HashMap<>();

        Tools(NlpModels models) {
            languages = new LanguageDetectorME(models.languages());
            sentences = new SentenceDetectorME(models.sentences());
            tokens = new TokenizerME(models.tokens());
            finderModels = models.nameFinders();
        }

        NameFinderME finder(String language) {
            TokenNameFinderModel model = finderModels.get(language);
            return model == null ? null : finders.computeIfAbsent(language, l -> new SharedFeatureNameFinder(model));
        }
    }
}
