package io.newswatch.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.newswatch.schemas.Entity;
import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Field;

class EntityResolverTest {

    private static final String TEXT = "Home Secretary Amber Rudd met the FBI. Rudd said the Federal Bureau of Investigation "
            + "and British officials agreed. Masood's car hit Westminster Bridge. Khalid Masood acted alone.";

    @Test
    void shortFormsJoinTheLongerNameTheyArePartOf() {
        List<Entity> entities = EntityResolver.resolve(mentions(), 0, TEXT.length());

        Entity rudd = byName(entities, "Amber Rudd");
        assertThat(rudd.getType()).isEqualTo(EntityType.PERSON);
        assertThat(rudd.getCount()).isEqualTo(2);
        Entity masood = byName(entities, "Khalid Masood");
        assertThat(masood.getCount()).isEqualTo(2);
        assertThat(masood.getWatchlistEntityIds()).containsExactly("km-1");
        assertThat(byName(entities, "Federal Bureau of Investigation").getCount()).isEqualTo(2);
        assertThat(byName(entities, "British").getCount()).isEqualTo(1);
        assertThat(byName(entities, "Westminster Bridge").getType()).isEqualTo(EntityType.LOCATION);
        assertThat(entities).allSatisfy(e -> assertThat(e.getSalience()).isBetween(0.0, 1.0));
    }

    @Test
    void titlesPossessivesAndRoleOnlyMentionsAreCleaned() {
        FoundMention titled = MentionCleaner.clean(m(EntityType.PERSON, "Home Secretary Amber Rudd"));
        assertThat(titled.text()).isEqualTo("Amber Rudd");
        assertThat(TEXT.substring(titled.start(), titled.end())).isEqualTo("Amber Rudd");
        FoundMention possessive = MentionCleaner.clean(m(EntityType.PERSON, "Masood's"));
        assertThat(possessive.text()).isEqualTo("Masood");
        assertThat(MentionCleaner.isOnlyTitle(new FoundMention(EntityType.ORGANIZATION, Field.TEXT, 0, 18,
                "U.K Home Secretary", false, Set.of()))).isTrue();
    }

    private static List<FoundMention> mentions() {
        List<FoundMention> list = new ArrayList<>();
        for (String[] m : new String[][] {{"PERSON", "Home Secretary Amber Rudd"}, {"ORGANIZATION", "FBI"},
                {"PERSON", "Rudd"}, {"ORGANIZATION", "Federal Bureau of Investigation"}, {"MISC", "British"},
                {"PERSON", "Masood's"}, {"ORGANIZATION", "Westminster Bridge"}}) {
            list.add(MentionCleaner.clean(m(EntityType.valueOf(m[0]), m[1])));
        }
        int at = TEXT.indexOf("Khalid Masood");
        list.add(new FoundMention(EntityType.PERSON, Field.TEXT, at, at + 13, "Khalid Masood", true, Set.of("km-1")));
        return list;
    }

    private static FoundMention m(EntityType type, String text) {
        int at = TEXT.indexOf(text);
        return new FoundMention(type, Field.TEXT, at, at + text.length(), text, false, Set.of());
    }

    private static Entity byName(List<Entity> entities, String name) {
        return entities.stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + entities.stream().map(Entity::getName).toList()));
    }
}
