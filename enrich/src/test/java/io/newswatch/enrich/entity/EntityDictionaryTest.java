package io.newswatch.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Field;
import io.newswatch.watchlist.Clause;
import io.newswatch.watchlist.WatchlistParser;

class EntityDictionaryTest {

    @Test
    void watchlistNamesAndAliasesAreFoundOnWordBoundariesWithTheirIds() throws Exception {
        var watchlists = WatchlistParser.parse("""
                watchlists:
                  - id: w
                    match:
                      any:
                        - entity: { type: organization, name: WhatsApp, aliases: [ "WhatsApp Inc" ], id: org-wa }
                        - entity: { type: person, name: "Khalid Masood" }
                """, "test.yaml");
        EntityDictionary dictionary = EntityDictionary.fromWatchlists(watchlists);
        String text = "WhatsApp Inc said Khalid  Masood used WhatsApp, not WhatsAppy.";

        List<FoundMention> found = dictionary.find(text, Field.TEXT);

        assertThat(found).extracting(FoundMention::text).containsExactly("WhatsApp Inc", "Khalid  Masood", "WhatsApp");
        assertThat(found.get(0).watchlistIds()).containsExactly("org-wa");
        assertThat(found.get(1).type()).isEqualTo(EntityType.PERSON);
        assertThat(found.get(1).watchlistIds()).containsExactly("person:Khalid Masood");
        assertThat(found).allSatisfy(m -> assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text()));
    }

    @Test
    void findsWhatAWordBoundedAlternationOfTheNamesFinds() {
        Random random = new Random(7);
        String[] words = {"Ann", "Anna", "Lee", "Le", "U.S.", "AT&T", "O'Neil", "Zürich", "3M", "Bank", "of", "X"};
        for (int round = 0; round < 200; round++) {
            List<Clause.Entity> entities = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int n = 0; n < 1 + random.nextInt(8); n++) {
                StringBuilder name = new StringBuilder(words[random.nextInt(words.length)]);
                for (int w = random.nextInt(3); w > 0; w--) {
                    name.append(' ').append(words[random.nextInt(words.length)]);
                }
                names.add(name.toString());
                entities.add(new Clause.Entity("test", EntityType.ORGANIZATION, name.toString(), List.of(), null));
            }
            StringBuilder text = new StringBuilder();
            String[] glue = {" ", "  ", "\n", ", ", "-", "", "s ", "é"};
            for (int t = 0; t < 30; t++) {
                text.append(words[random.nextInt(words.length)]).append(glue[random.nextInt(glue.length)]);
            }
            String input = text.toString();

            List<String> found = EntityDictionary.of(entities).find(input, Field.TEXT).stream()
                    .map(m -> m.start() + ":" + m.text()).toList();

            assertThat(found).as("names %s in %s", names, input).isEqualTo(regexMatches(names, input));
        }
    }

    @Test
    void tenThousandNamesAreFoundInALongText() {
        List<Clause.Entity> entities = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            entities.add(new Clause.Entity("test", EntityType.PERSON, "Person" + i + " Surname" + i, List.of(), null));
        }
        String text = "Words before. ".repeat(2_000) + "Person9999  Surname9999 spoke; Person12 Surname1 did not.";

        List<FoundMention> found = EntityDictionary.of(entities).find(text, Field.TEXT);

        assertThat(found).extracting(FoundMention::text).containsExactly("Person9999  Surname9999");
    }

    /** The reference: one regex alternation of the names (one-letter ones are not kept), longest first, on letter/number boundaries. */
    private static List<String> regexMatches(List<String> names, String text) {
        List<String> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(names));
        sorted.removeIf(n -> n.length() < 2);
        if (sorted.isEmpty()) {
            return List.of();
        }
        sorted.sort((a, b) -> b.length() - a.length());
        StringBuilder alternation = new StringBuilder();
        for (String n : sorted) {
            alternation.append(alternation.length() == 0 ? "" : "|").append(Pattern.quote(n).replace(" ", "\\E\\s+\\Q"));
        }
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternation + ")(?![\\p{L}\\p{N}])").matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.start() + ":" + m.group());
        }
        return found;
    }
}
