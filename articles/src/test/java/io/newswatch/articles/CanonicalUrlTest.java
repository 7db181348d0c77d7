package io.newswatch.articles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalUrlTest {

    @Test
    void normalisesCaseDefaultPortsFragmentsTrackingAndTrailingSlash() {
        assertThat(CanonicalUrl.of("HTTPS://WWW.Example.COM:443/News/Story/?utm_source=x&id=7&fbclid=abc#comments"))
                .contains("https://www.example.com/News/Story?id=7");
        assertThat(CanonicalUrl.of("http://example.com:80")).contains("http://example.com/");
        assertThat(CanonicalUrl.of("http://example.com:8080//a//b/")).contains("http://example.com:8080/a/b");
    }

    @Test
    void rejectsWhatIsNotAnAbsoluteWebUrl() {
        assertThat(CanonicalUrl.of("ftp://example.com/x")).isEmpty();
        assertThat(CanonicalUrl.of("/relative/path")).isEmpty();
        assertThat(CanonicalUrl.of("javascript:alert(1)")).isEmpty();
        assertThat(CanonicalUrl.of("  ")).isEmpty();
    }

    @Test
    void domainDropsWww() {
        assertThat(CanonicalUrl.domain("https://www.bbc.co.uk/news/1")).contains("bbc.co.uk");
    }
}
