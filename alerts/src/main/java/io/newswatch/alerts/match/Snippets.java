package io.newswatch.alerts.match;

/** Cuts the sentence around a match out of a text, for alert evidence. */
final class Snippets {

    static final int MAX_LENGTH = 300;

    private Snippets() {
    }

    static String sentenceAround(String text, int start, int end) {
        int from = start;
        while (from > 0 && !isBoundary(text.charAt(from - 1)) && start - from < MAX_LENGTH) {
            from--;
        }
        int to = end;
        while (to < text.length() && !isBoundary(text.charAt(to)) && to - end < MAX_LENGTH) {
            to++;
        }
        if (to < text.length() && text.charAt(to) != '\n') {
            to++; // keep the sentence's full stop
        }
        return text.substring(from, to).strip();
    }

    private static boolean isBoundary(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\n';
    }
}
