package io.newswatch.enrich.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

class CompatibleNameFinderModelsTest {

    private static TokenNameFinderModel model;
    private static TokenizerModel tokenizer;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = CompatibleNameFinderModelsTest.class.getResourceAsStream("/en-brown-conll03.bin")) {
            model = CompatibleNameFinderModels.load(in);
        }
        try (InputStream in = CompatibleNameFinderModelsTest.class.getResourceAsStream("/en-token.bin")) {
            tokenizer = new TokenizerModel(in);
        }
    }

    @Test
    void classicIxaModelFindsPeopleOrganisationsAndPlacesOnOpenNlp2() {
        String[] tokens = new TokenizerME(tokenizer).tokenize(
                "Home Secretary Amber Rudd urged WhatsApp to help police in London after Khalid Masood 's attack .");
        Span[] spans = new NameFinderME(model).find(tokens);

        assertThat(Arrays.stream(spans).map(s -> s.getType() + ":" + String.join(" ",
                Arrays.copyOfRange(tokens, s.getStart(), s.getEnd()))))
                .contains("PER:Amber Rudd", "LOC:London", "PER:Khalid Masood");
    }
}
