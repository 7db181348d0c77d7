package io.newswatch.articles.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.newswatch.articles.TextArticleFile;
import io.newswatch.schemas.RawArticle;

/** The two real scrapes of one story in samples/: every story paragraph kept, every junk line gone. */
class SampleCleaningTest {

    private static final Path SAMPLES = Path.of("..", "samples");

    @Test
    void firstSampleKeepsEveryParagraphAndDropsVideoRelatedAndCommentJunk() throws IOException {
        Path file = SAMPLES.resolve("000_5cfd2a8c41dea5d4.txt");
        RawArticle article = TextArticleFile.read(file, "files", Instant.EPOCH);

        assertThat(article.getTitle()).isEqualTo("London attacker used WhatsApp, firm must help police get access, official says");
        List<String> junk = List.of("NOW PLAYINGTerror back on Americans’ minds after London attack", "Related coverage…",
                "• London terror: Boyfriend of woman who plunged off bridge reportedly planned to propose",
                "• London terrorist was an Islamic radical, but news outlets downplay or hide that info",
                "• London terror: Cops sift through 2,500 items to assemble killer’s profile",
                "Leave a Reply", "Your email address will not be published.");
        assertStoryKept(file, article, junk);
        assertThat(article.getText()).doesNotContain("NOW PLAYING", "Related coverage", "Cops sift", "Leave a Reply",
                "email address");
    }

    @Test
    void secondSampleDropsTemplateFragmentAndCommentPromptsAndReadsTheDateline() throws IOException {
        Path file = SAMPLES.resolve("004_695650929c874504.txt");
        RawArticle article = TextArticleFile.read(file, "files", Instant.EPOCH);

        assertThat(article.getTitle()).startsWith("'London attacker used WhatsApp, the company must help police");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2017-03-27T00:00:00Z"));
        List<String> junk = List.of("expr:class='\"loading\" + data:blog.mobileClass'>", "Monday 27 March 2017",
                "No comments:", "Post a Comment");
        assertStoryKept(file, article, junk);
        assertThat(article.getText()).doesNotContain("expr:class", "No comments", "Post a Comment", "Monday 27 March");
    }

    /** Every non-blank line of the file that is not listed junk is the title or one paragraph, in order. */
    private static void assertStoryKept(Path file, RawArticle article, List<String> junk) throws IOException {
        Set<String> junkLines = Set.copyOf(junk);
        List<String> story = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(l -> l.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip())
                .filter(l -> !l.isEmpty()).filter(l -> !junkLines.contains(l)).toList();
        List<String> got = new java.util.ArrayList<>();
        got.add(article.getTitle());
        got.addAll(paragraphs(article));
        assertThat(got).containsExactlyElementsOf(story);
    }

    private static List<String> paragraphs(RawArticle article) {
        return List.of(article.getText().split("\n\n"));
    }
}
