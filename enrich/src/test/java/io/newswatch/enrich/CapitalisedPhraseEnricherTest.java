package io.newswatch.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.Entity;
import io.newswatch.schemas.Field;
import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;
import io.newswatch.schemas.Source;

class CapitalisedPhraseEnricherTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void multiWordCapitalisedPhrasesBecomeEntitiesWithOffsets() {
        String text = "Home Secretary Amber Rudd spoke. Rudd said Amber Rudd would act.";
        RawArticle raw = RawArticle.newBuilder().setId("a1").setSource(new Source("s", null, null, java.util.List.of()))
                .setOrigin(Origin.FILE).setTitle("Amber Rudd urges action").setText(text)
                .setFetchedAt(clock.instant()).setContentHash("h").setLanguage("en").build();

        EnrichedArticle e = new CapitalisedPhraseEnricher(clock).enrich(raw);

        assertThat(e.getStoryId()).isEqualTo("a1");
        assertThat(e.getLanguage().getCode()).isEqualTo("en");
        assertThat(e.getEnrichedAt()).isEqualTo(clock.instant());
        Entity rudd = e.getEntities().stream().filter(x -> x.getName().equals("Amber Rudd")).findFirst().orElseThrow();
        assertThat(rudd.getCount()).isEqualTo(2);
        assertThat(rudd.getMentions()).allSatisfy(m -> {
            String source = m.getField() == Field.TITLE ? raw.getTitle() : raw.getText();
            assertThat(source.substring(m.getStart(), m.getEnd())).isEqualTo(m.getText());
        });
        assertThat(e.getEntities()).extracting(Entity::getName).contains("Home Secretary Amber Rudd")
                .doesNotContain("Rudd");
    }
}
