package io.newswatch.enrich.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class CueTopicClassifierTest {

    /** The definition of a word the scanner implements. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]");

    @Test
    void wordsKeepInnerApostrophesDotsAndHyphensButNotTrailingOnes() {
        String text = "The U.S. said it won’t cut COVID-19 aid -- 'again'... x-- ½ Ⅻ 𝐀𝐁c-d ΑΘΗΝΑ's 東京. a.b.-";
        List<String> expected = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            expected.add(m.group().replace('’', '\''));
        }
        assertThat(CueTopicClassifier.words(text)).isEqualTo(expected)
                .contains("u.s", "won't", "covid-19", "again", "x", "𝐀𝐁c-d", "αθηνα's", "a.b");
    }

    @Test
    void cuesInTheTitleAndTextMakeTheTopic() {
        CueTopicClassifier classifier = new CueTopicClassifier(Taxonomy.parse("""
                threshold: 0.3
                topK: 2
                topics:
                  - code: sport
                    cues: { football: 3, "world cup": 3, "goal*": 1 }
                  - code: weather
                    cues: { rain: 3, storm: 3 }
                """, "test.yaml"));
        List<String> codes = classifier.classify("World Cup final", "Two goals in the football final.")
                .stream().map(t -> t.getCode()).toList();
        assertThat(codes).containsExactly("sport");
    }
}
