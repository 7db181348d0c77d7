package io.newswatch.enrich.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import opennlp.tools.util.Span;

class CaseMemoryTest {

    private static CommonWords words;

    @BeforeAll
    static void load() {
        words = CommonWords.english();
    }

    @Test
    void theWordListHoldsEnglishWordsWithTheirVerbReadingsButNoNames() {
        assertThat(words.size()).isGreaterThan(5_000);
        assertThat(words.isWord("dollar")).isTrue();
        assertThat(words.canBeVerb("dollar")).isFalse();
        assertThat(words.canBeVerb("posts")).isTrue();
        assertThat(words.isWord("cabrera")).isFalse();
    }

    @Test
    void theLiteralReadingOfACapitalsLineLosesEnglishWordsTheDocumentNeverCapitalises() {
        CaseMemory casing = CaseMemory.of(List.of(text("The Bank of England held rates , analysts said .")), words);
        String[] line = "WESTJET POSTS PROFIT AS DOLLAR FALLS ; BANK OF ENGLAND WAITS".split(" ");
        Span[] literal = {new Span(0, 2, "organization"), new Span(4, 5, "person"), new Span(7, 10, "organization")};

        List<String> kept = Arrays.stream(casing.withoutWords(line, literal))
                .map(s -> String.join(" ", Arrays.copyOfRange(line, s.getStart(), s.getEnd())) + "/" + s.getType()).toList();

        // The verb goes from the end, the name made only of a word goes, a name the text writes stays whole.
        assertThat(kept).containsExactly("WESTJET/organization", "BANK OF ENGLAND/organization");
    }

    @Test
    void aHeadlineIsRecasedAsTheDocumentWritesItsWordsAndEnglishWordsOnlyWhenAsked() {
        CaseMemory casing = CaseMemory.of(List.of(text("Officials in Ohio said the storm cut power to 200,000 homes .")), words);
        String[] headline = "Storm Knocks Out Power Across Ohio as US Crews Race".split(" ");

        assertThat(casing.recase(headline, true))
                .containsExactly("storm", "knocks", "out", "power", "across", "Ohio", "as", "US", "crews", "race");
        // A results line in title case keeps its capitals: they are names there.
        assertThat(casing.recase("Tomas Vrba ( Czech Republic ) beat Jan Kral".split(" "), false))
                .containsExactly("Tomas", "Vrba", "(", "Czech", "Republic", ")", "beat", "Jan", "Kral");
    }

    /** One sentence, tokens split on spaces. */
    private static AnalyzedText text(String sentence) {
        String[] tokens = sentence.split(" ");
        Span[] spans = new Span[tokens.length];
        int at = 0;
        for (int i = 0; i < tokens.length; i++) {
            spans[i] = new Span(at, at + tokens[i].length());
            at += tokens[i].length() + 1;
        }
        return new AnalyzedText(sentence, List.of(new AnalyzedText.Sentence(new Span(0, sentence.length()), spans, tokens)));
    }
}
