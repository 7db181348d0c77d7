package io.newswatch.enrich.nlp;

/** Character classes shared by the word scanners (which replace regular expressions in hot loops). */
public final class Chars {

    private Chars() {
    }

    /** A letter or a number: what the regex classes {@code \p{L}} and {@code \p{N}} match. */
    public static boolean isLetterOrNumber(int cp) {
        if (cp < 128) {
            return cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9' || cp >= 'A' && cp <= 'Z';
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
