package io.newswatch.enrich.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newswatch.schemas.EntityType;

class GazetteerTest {

    @TempDir
    Path dir;

    @Test
    void theBundledListKnowsCountriesNationalitiesAndOrganisationsLongestNameFirst() {
        Gazetteer g = Gazetteer.bundled();
        assertThat(g.version()).isEqualTo("2");
        assertThat(g.match(new String[] {"Saudi", "Arabia", "said"}, 0, false).name()).isEqualTo("Saudi Arabia");
        assertThat(g.match(new String[] {"ITALY"}, 0, true).type()).isEqualTo(EntityType.LOCATION);
        assertThat(g.match(new String[] {"ITALY"}, 0, false)).isNull();
        assertThat(g.match(new String[] {"Italian"}, 0, false).type()).isEqualTo(EntityType.MISC);
        assertThat(g.match(new String[] {"NATO"}, 0, false).type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(g.match(new String[] {"Harare"}, 0, false).settlesType()).isFalse();
    }

    @Test
    void usersAddAndRetypeNamesInTheirOwnFiles() throws Exception {
        Path mine = dir.resolve("mine.yaml");
        Files.writeString(mine, "version: desk-2\ncities: [Al-Ain]\norganizations: [Harare]\n");
        Gazetteer g = Gazetteer.bundledWith(List.of(mine));
        assertThat(g.version()).isEqualTo("2+mine.yaml@desk-2");
        assertThat(g.match(new String[] {"Al-Ain"}, 0, false).type()).isEqualTo(EntityType.LOCATION);
        assertThat(g.match(new String[] {"Harare"}, 0, false).type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(g.size()).isEqualTo(Gazetteer.bundled().size() + 1);
    }

    @Test
    void aBadFileIsRefusedNamingFileAndField() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "towns: [Harare]\n");
        assertThatThrownBy(() -> Gazetteer.bundledWith(List.of(bad))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.yaml").hasMessageContaining("towns");
        Files.writeString(bad, "cities: Harare\n");
        assertThatThrownBy(() -> Gazetteer.bundledWith(List.of(bad))).hasMessageContaining("'cities' must be a list");
    }
}
