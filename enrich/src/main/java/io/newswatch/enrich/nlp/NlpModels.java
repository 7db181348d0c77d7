package io.newswatch.enrich.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newswatch.enrich.compat.CompatibleNameFinderModels;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The OpenNLP models, loaded once per process and per configuration. Models are immutable and
 * shared by all threads; the per-thread tools built on them live in {@link TextAnalyzer}.
 *
 * @param nameFinders name finder models by ISO 639-3 language code
 * @param commonWords English words that are not names, for reading headlines
 */
public record NlpModels(LanguageDetectorModel languages, SentenceModel sentences, TokenizerModel tokens,
        Map<String, TokenNameFinderModel> nameFinders, CommonWords commonWords, long loadMillis) {

    private static final Logger log = LoggerFactory.getLogger(NlpModels.class);
    private static final Map<NlpConfig, NlpModels> SHARED = new ConcurrentHashMap<>();

    public static final String LANGDETECT_RESOURCE = "/langdetect-183.bin";
    /** Suffix of the language key of an ensemble's second name finder. */
    public static final String SECOND = "#second";

    /** The models for {@code config}, loading them on first use. */
    public static NlpModels shared(NlpConfig config) {
        return SHARED.computeIfAbsent(config, NlpModels::load);
    }

    public static NlpModels load(NlpConfig config) {
        long start = System.nanoTime();
        try {
            LanguageDetectorModel languages = new LanguageDetectorModel(resource(LANGDETECT_RESOURCE));
            SentenceModel sentences = new SentenceModel(resource("/en-sent.bin"));
            TokenizerModel tokens = new TokenizerModel(resource("/en-token.bin"));
            Map<String, TokenNameFinderModel> finders = new LinkedHashMap<>();
            try (InputStream in = config.englishNer().open()) {
                finders.put("eng", CompatibleNameFinderModels.load(in));
            }
            if (config.englishNer().second() != null) {
                try (InputStream in = config.englishNer().second().open()) {
                    finders.put("eng" + SECOND, CompatibleNameFinderModels.load(in));
                }
            }
            for (Map.Entry<String, Path> e : config.otherNer().entrySet()) {
                try (InputStream in = Files.newInputStream(e.getValue())) {
                    finders.put(e.getKey(), CompatibleNameFinderModels.load(in));
                }
            }
            CommonWords words = CommonWords.english();
            long millis = (System.nanoTime() - start) / 1_000_000;
            log.info("NLP models loaded in {} ms (English NER: {}, other NER languages: {})", millis,
                    config.englishNer(), config.otherNer().keySet());
            return new NlpModels(languages, sentences, tokens, Map.copyOf(finders), words, millis);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load NLP models: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = NlpModels.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("model " + name + " is missing from the classpath");
        }
        return in;
    }
}
