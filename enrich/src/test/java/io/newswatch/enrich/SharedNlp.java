package io.newswatch.enrich;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.newswatch.enrich.nlp.NlpConfig;
import io.newswatch.enrich.nlp.NlpModels;
import io.newswatch.enrich.nlp.TextAnalyzer;
import io.newswatch.watchlist.WatchlistFiles;

/** Models loaded once per test JVM (the small NER model), shared by the test classes. */
public final class SharedNlp {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2017-03-27T10:00:00Z"), ZoneOffset.UTC);

    private static NlpEnricher enricher;

    private SharedNlp() {
    }

    public static synchronized NlpEnricher enricher() {
        if (enricher == null) {
            enricher = EnricherFactory.create(NlpConfig.defaults(), WatchlistFiles.loadDefault().watchlists(), null,
                    null, CLOCK);
        }
        return enricher;
    }

    public static TextAnalyzer analyzer() {
        return new TextAnalyzer(NlpModels.shared(NlpConfig.defaults()));
    }
}
