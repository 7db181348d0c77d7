package io.newswatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertFormatTest {

    private static final String LONG = "British security services are pleading with the creators of a popular messaging "
            + "service for help accessing one of the final communications sent by Westminster Bridge terror attacker "
            + "Khalid Masood before his deadly assault on Wednesday.";

    @Test
    void longSnippetsAreCutAroundTheMatchSoThatItStaysVisible() {
        String shown = AlertFormat.window(LONG, "Khalid Masood", 80);
        assertThat(shown).contains("Khalid Masood").startsWith("\u2026").endsWith("\u2026");
        assertThat(shown.length()).isLessThanOrEqualTo(82);
    }

    @Test
    void matchesAtTheEdgesAndShortTextsStayWhole() {
        assertThat(AlertFormat.window(LONG, "British", 80)).startsWith("British security").endsWith("\u2026");
        assertThat(AlertFormat.window(LONG, "Wednesday.", 80)).startsWith("\u2026").endsWith("on Wednesday.");
        assertThat(AlertFormat.window("Short sentence.", "Short", 80)).isEqualTo("Short sentence.");
        assertThat(AlertFormat.window(LONG, "not in the text", 40)).startsWith("British").hasSize(41);
    }
}
