package io.newswatch.articles.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BoilerplateFilterTest {

    @Test
    void dropsTheListAfterARelatedHeadingButResumesAtTheNextParagraph() {
        assertThat(BoilerplateFilter.keepStory(List.of("First.", "Read more:", "- Other story", "* Another one", "Second.")))
                .containsExactly("First.", "Second.");
    }

    @Test
    void aCommentSectionMarkerEndsTheStory() {
        assertThat(BoilerplateFilter.keepStory(List.of("Story.", "3 Comments", "Nice article!", "I disagree.")))
                .containsExactly("Story.");
    }

    @Test
    void keepsStoryLinesThatMerelyMentionJunkWords() {
        List<String> story = List.of("Responses to the attack were swift.", "Share prices fell 3% on the news.",
                "Related coverage of the trial is banned by the court.", "Comments from the minister followed.");
        assertThat(BoilerplateFilter.keepStory(story)).containsExactlyElementsOf(story);
    }

    @Test
    void dropsShareCookieAndTemplateLines() {
        assertThat(BoilerplateFilter.keepStory(List.of("Share this article", "Accept all cookies", "<div class=\"x\">",
                "{{ post.title }}", "Advertisement", "Body."))).containsExactly("Body.");
    }

    @Test
    void datelineIsADateOnlyLine() {
        assertThat(Dateline.parse("Monday 27 March 2017")).isPresent();
        assertThat(Dateline.parse("March 27th, 2017")).isPresent();
        assertThat(Dateline.parse("Monday was a cold day")).isEmpty();
    }
}
