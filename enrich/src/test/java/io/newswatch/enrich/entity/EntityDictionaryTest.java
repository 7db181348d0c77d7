package io.newswatch.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Field;
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
}
