package io.newswatch.articles;

/**
 * Removes characters no reader can see and no terminal should receive: C0 and C1 control
 * characters (NUL included), DEL, and unpaired UTF-16 surrogates. Titles become one line; texts
 * keep their line breaks, and tabs become spaces.
 */
public final class CleanText {

    private CleanText() {
    }

    /** A title: one line, control characters removed, line breaks and tabs as spaces, stripped. */
    public static String title(String s) {
        return s == null ? null : clean(s, false).strip();
    }

    /** A text: control characters removed except line breaks ({@code \r\n} and {@code \r} become {@code \n}). */
    public static String text(String s) {
        return s == null ? null : clean(s, true);
    }

    /** Whether {@code s} holds anything {@link #text} would change (a cheap check for the common clean case). */
    public static boolean isClean(String s, boolean keepNewlines) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++; // a character outside the BMP
            } else if (isControl(c) && !(keepNewlines && c == '\n') || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String clean(String s, boolean keepNewlines) {
        if (isClean(s, keepNewlines)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                continue; // unpaired: not a character
            } else if (c == '\r') {
                boolean pair = i + 1 < s.length() && s.charAt(i + 1) == '\n';
                if (!pair) {
                    out.append(keepNewlines ? '\n' : ' ');
                }
            } else if (c == '\n') {
                out.append(keepNewlines ? '\n' : ' ');
            } else if (c == '\t' || c == '\u000B' || c == '\f') {
                out.append(' ');
            } else if (!isControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F;
    }
}
