package io.newswatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    @Test
    void readsRss2Items() throws Exception {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Herald</title>
                <language>en-gb</language>
                <item><title>Bridge reopens</title><link>https://herald.example/a</link><guid>herald-1</guid>
                <dc:creator>Priya Lennox</dc:creator><pubDate>Tue, 14 May 2024 05:30:00 GMT</pubDate>
                <description>&lt;p&gt;The bridge &lt;b&gt;reopened&lt;/b&gt;.&lt;/p&gt;</description></item>
                <item><title>No guid</title><link>https://herald.example/b</link></item>
                </channel></rss>""";
        FeedParser.ParsedFeed feed = parser.parse(rss.getBytes(StandardCharsets.UTF_8), "application/rss+xml");

        assertThat(feed.language()).isEqualTo("en-gb");
        assertThat(feed.items()).hasSize(2);
        FeedItem first = feed.items().get(0);
        assertThat(first.key()).isEqualTo("herald-1");
        assertThat(first.link()).isEqualTo("https://herald.example/a");
        assertThat(first.authors()).containsExactly("Priya Lennox");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2024-05-14T05:30:00Z"));
        assertThat(first.summaryText()).isEqualTo("The bridge reopened.");
        assertThat(feed.items().get(1).key()).isEqualTo("https://herald.example/b");
    }

    @Test
    void readsAtomEntries() throws Exception {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><id>urn:blog</id><updated>2017-03-27T08:00:00Z</updated>
                <entry><title>Moulins</title><id>urn:blog:1</id><link href="https://blog.example/1"/>
                <updated>2017-03-27T08:00:00Z</updated><author><name>Jeanne</name></author>
                <content type="html">&lt;p&gt;Une longue marche.&lt;/p&gt;</content></entry></feed>""";
        FeedParser.ParsedFeed feed = parser.parse(atom.getBytes(StandardCharsets.UTF_8), "application/atom+xml");

        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.key()).isEqualTo("urn:blog:1");
            assertThat(item.link()).isEqualTo("https://blog.example/1");
            assertThat(item.authors()).containsExactly("Jeanne");
            assertThat(item.summaryText()).isEqualTo("Une longue marche.");
        });
    }

    @Test
    void refusesExternalEntitiesAndDoesNotReadLocalFiles(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-VALUE");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<rss version=\"2.0\"><channel><title>x</title><item><title>&xxe;</title><link>https://a.example/</link>"
                + "</item></channel></rss>";
        assertThatThrownBy(() -> parser.parse(xxe.getBytes(StandardCharsets.UTF_8), "application/rss+xml"))
                .isInstanceOf(FeedParser.InvalidFeedException.class)
                .hasMessageNotContaining("TOP-SECRET-VALUE");
    }

    @Test
    void refusesEntityExpansion() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;"
                + "&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"
                + "&lol2;\">]><rss version=\"2.0\"><channel><title>&lol3;</title></channel></rss>";
        assertThatThrownBy(() -> parser.parse(laughs.getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(FeedParser.InvalidFeedException.class);
    }

    @Test
    void malformedFeedIsAnInvalidFeedNotACrash() {
        assertThatThrownBy(() -> parser.parse("<rss><channel><item><title>oops</channel>".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(FeedParser.InvalidFeedException.class);
        assertThatThrownBy(() -> parser.parse("this is not xml".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(FeedParser.InvalidFeedException.class);
    }
}
