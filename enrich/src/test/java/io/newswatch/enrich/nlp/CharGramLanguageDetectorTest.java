package io.newswatch.enrich.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.newswatch.enrich.bench.GeneratedArticles;
import io.newswatch.schemas.RawArticle;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/** The detector must decide exactly as OpenNLP's {@link LanguageDetectorME} with the same model. */
class CharGramLanguageDetectorTest {

    private static final List<String> TEXTS = List.of(
            "Le gouvernement a annoncé mardi une réforme des retraites à Paris.",
            "Die Bundesregierung hat am Dienstag in Berlin neue Maßnahmen beschlossen.",
            "El presidente anunció el martes un nuevo plan económico en Madrid.",
            "Правительство объявило во вторник о новых мерах в Москве.",
            "政府周二在北京宣布了新的经济措施。",
            "أعلنت الحكومة يوم الثلاثاء عن إجراءات جديدة في القاهرة",
            "RT @newsdesk: hahaha see https://example.com/a?b=1 or mail me@example.org 😀😀 1234 :-) sooooo gooood",
            "a", "  ", "İstanbul'da ÇOK BÜYÜK bir toplantı yapıldı",
            "𝐀𝐁𝐂 mathematical letters and \uD800 a lone surrogate");

    @Test
    void decidesAsOpenNlpDoes() {
        LanguageDetectorModel model = NlpModels.shared(NlpConfig.defaults()).languages();
        CharGramLanguageDetector fast = CharGramLanguageDetector.forModel(model);
        assertThat(fast).isNotNull();
        LanguageDetectorME reference = new LanguageDetectorME(model);
        List<String> texts = new ArrayList<>(TEXTS);
        for (RawArticle a : GeneratedArticles.generate(30, 7)) {
            texts.add(a.getTitle() + "\n" + a.getText());
        }
        for (String text : texts) {
            Language expected = reference.predictLanguage(text);
            LanguageGuess got = fast.predict(text);
            assertThat(got.code()).as(text).isEqualTo(expected.getLang());
            assertThat(got.confidence()).as(text).isCloseTo(expected.getConfidence(), within(1e-9));
        }
    }

    @Test
    void gramsAreTheDistinctOnesOfTheContextGenerator() {
        LanguageDetectorModel model = NlpModels.shared(NlpConfig.defaults()).languages();
        for (String text : TEXTS) {
            Set<String> expected = new HashSet<>();
            for (CharSequence gram : model.getFactory().getContextGenerator().getContext(text)) {
                expected.add(gram.toString());
            }
            String[] grams = CharGramLanguageDetector.gramsOf(text);
            assertThat(grams).as(text).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
