package io.newswatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.Entity;
import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;
import io.newswatch.schemas.Source;

/** Languages and bad input: the enricher flags what it could not do and never throws on an article. */
class NlpEnricherTest {

    @Test
    void otherLanguagesAreTaggedAndStillGetDictionaryEntities() {
        EnrichedArticle e = SharedNlp.enricher().enrich(article("de",
                "Anschlag in London: Ermittler prüfen WhatsApp-Nachricht",
                "Die britische Polizei untersucht eine Nachricht, die Khalid Masood kurz vor dem Anschlag auf der "
                        + "Westminster-Brücke über WhatsApp verschickt hat. Innenministerin Amber Rudd forderte die "
                        + "Unternehmen auf, den Sicherheitsbehörden Zugang zu verschlüsselten Nachrichten zu geben."));

        assertThat(e.getLanguage().getCode()).isEqualTo("deu");
        assertThat(e.getFlags()).contains(NlpEnricher.FLAG_NO_NER_MODEL);
        assertThat(e.getEntities()).extracting(Entity::getName).contains("Khalid Masood", "WhatsApp");
    }

    @Test
    void aResultsTableTheDetectorIsUnsureOfGetsTheEnglishNameFinder() {
        EnrichedArticle e = SharedNlp.enricher().enrich(article(null, "", """
                Risultati :
                Bologna 2 ( Paolini , Ferrante ) Verona 1 ( Gallese )
                Genova 0 Torino 0
                Palermo 1 ( Marsiglia ) Bari 3 ( Catanese 2 , Loreto )"""));

        assertThat(e.getLanguage().getCode()).isNotEqualTo("eng");
        assertThat(e.getLanguage().getConfidence()).isLessThan(NlpEnricher.CONFIDENT);
        assertThat(e.getFlags()).contains(NlpEnricher.FLAG_NER_IN_ENGLISH).doesNotContain(NlpEnricher.FLAG_NO_NER_MODEL);
        assertThat(e.getEntities()).extracting(Entity::getName).contains("Bologna", "Torino");
    }

    @Test
    void overlongTextIsTruncatedAndFlagged() {
        String paragraph = "Police in Manchester said Daniel Carter was arrested on Monday after a long inquiry. ";
        String text = paragraph.repeat(2_000); // ~170,000 characters
        EnrichedArticle e = SharedNlp.enricher().enrich(article(null, "Arrest in Manchester", text));

        assertThat(e.getFlags()).contains(NlpEnricher.FLAG_TRUNCATED);
        assertThat(e.getArticle().getText()).hasSize(text.length());
        assertThat(e.getEntities()).extracting(Entity::getName).contains("Daniel Carter");
    }

    @Test
    void emptyAndMalformedTextDoNotThrow() {
        EnrichedArticle empty = SharedNlp.enricher().enrich(article(null, "", " "));
        assertThat(empty.getFlags()).contains(NlpEnricher.FLAG_EMPTY);
        assertThat(empty.getLanguage().getCode()).isEqualTo("und");

        String garbage = "\u0000\uFFFF\uD800 ))) ((( \u202E" + "x".repeat(5_000) + " <<<>>> \uDBFF";
        EnrichedArticle odd = SharedNlp.enricher().enrich(article(null, "\uDC00??", garbage));
        assertThat(odd.getEntities()).isNotNull();
    }

    @Test
    void aSourceLanguageHintDecidesWhenDetectionIsUnsure() {
        EnrichedArticle e = SharedNlp.enricher().enrich(article("en", "Rudd", "Amber Rudd."));
        assertThat(e.getLanguage().getCode()).isEqualTo("eng");
    }

    private static RawArticle article(String language, String title, String text) {
        return RawArticle.newBuilder().setId("t").setSource(new Source("test", null, null, List.of()))
                .setOrigin(Origin.PUSH).setTitle(title).setText(text).setLanguage(language)
                .setFetchedAt(SharedNlp.CLOCK.instant()).setContentHash("h").setAttributes(Map.of()).build();
    }
}
