package io.newswatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class SourcesFileTest {

    @Test
    void readsFeedsWithDefaults() throws Exception {
        String yaml = """
                defaults:
                  pollInterval: 10m
                  language: en
                  tags: [news]
                feeds:
                  - url: https://herald.example/rss.xml
                    name: The Coastal Herald
                    pollInterval: 2m
                    tags: [uk, local]
                  - url: https://blog.example/atom.xml
                    language: fr
                    enabled: false
                    fetchPages: false
                """;
        List<FeedSource> feeds = SourcesFile.parse(new StringReader(yaml), "sources.yaml");

        assertThat(feeds).hasSize(2);
        FeedSource herald = feeds.get(0);
        assertThat(herald.name()).isEqualTo("The Coastal Herald");
        assertThat(herald.pollInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(herald.tags()).containsExactly("news", "uk", "local");
        assertThat(herald.language()).isEqualTo("en");
        assertThat(herald.enabled()).isTrue();
        FeedSource blog = feeds.get(1);
        assertThat(blog.name()).isEqualTo("blog.example");
        assertThat(blog.pollInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(blog.language()).isEqualTo("fr");
        assertThat(blog.enabled()).isFalse();
        assertThat(blog.fetchPages()).isFalse();
    }

    @Test
    void theExampleFileInTheModuleIsValid() throws Exception {
        List<FeedSource> feeds = SourcesFile.load(java.nio.file.Path.of("sources.example.yaml"));
        assertThat(feeds).hasSize(3);
        assertThat(feeds).filteredOn(FeedSource::enabled).hasSize(2);
    }

    @Test
    void errorsNameFileLineAndField() {
        String yaml = "feeds:\n  - url: https://a.example/rss\n  - url: ftp://b.example/rss\n";
        assertThatThrownBy(() -> SourcesFile.parse(new StringReader(yaml), "sources.yaml"))
                .isInstanceOf(InvalidSourcesException.class)
                .hasMessage("sources.yaml:3:10: feeds[1].url must be an absolute http or https URL, was 'ftp://b.example/rss'");
        assertThatThrownBy(() -> SourcesFile.parse(new StringReader("feeds:\n  - url: https://a.example/\n    pollInterval: soon\n"),
                "s.yaml")).hasMessageStartingWith("s.yaml:3:19: feeds[0].pollInterval must be a duration");
        assertThatThrownBy(() -> SourcesFile.parse(new StringReader("feeds:\n  - url: https://a.example/\n    colour: red\n"),
                "s.yaml")).hasMessageStartingWith("s.yaml:3:5: feeds[0].colour unknown field");
        assertThatThrownBy(() -> SourcesFile.parse(new StringReader("feeds:\n  - name: x\n"), "s.yaml"))
                .hasMessageStartingWith("s.yaml:2:5: feeds[0].url is required");
        assertThatThrownBy(() -> SourcesFile.parse(new StringReader("feeds: [\n"), "s.yaml"))
                .hasMessageStartingWith("s.yaml:2:1: invalid YAML");
    }
}
