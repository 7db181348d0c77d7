package io.newswatch.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;

class TextArticleFileTest {

    @Test
    void firstLineIsTitleAndParagraphsAreSeparatedByBlankLines() {
        RawArticle a = TextArticleFile.parse("\n  Title here \r\n\r\nFirst para.\nSecond para.\n\n\nThird.\n", "files",
                Instant.EPOCH, "x.txt");
        assertThat(a.getTitle()).isEqualTo("Title here");
        assertThat(a.getText()).isEqualTo("First para.\n\nSecond para.\n\nThird.");
        assertThat(a.getOrigin()).isEqualTo(Origin.FILE);
        assertThat(a.getId()).startsWith("c");
        assertThat(a.getAttributes()).containsEntry("file", "x.txt");
    }
}
