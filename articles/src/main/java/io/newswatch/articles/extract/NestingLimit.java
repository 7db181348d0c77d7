package io.newswatch.articles.extract;

import java.util.Locale;
import java.util.Set;

/**
 * Flattens markup nested deeper than a limit before it is parsed: start and end tags past the
 * limit are dropped, their text is kept. Pages written for people nest a few dozen levels; a page
 * nesting tens of thousands makes parsing and extraction slow (quadratic in the depth), so the cut
 * bounds extraction time whatever the page. One linear scan; it does not parse.
 *
 * <p>Elements the HTML parser closes implicitly when a sibling starts ({@code p}, {@code li},
 * table cells...) and void elements do not count as a level, so sloppy but ordinary markup never
 * reaches the limit.
 */
public final class NestingLimit {

    /** The markup to parse, and how many tags were dropped (0: the input itself). */
    public record Result(String html, int droppedTags) {
    }

    private static final Set<String> NOT_A_LEVEL = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td",
            "th", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp", "keygen", "basefont", "bgsound", "frame");
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title", "xmp", "noembed",
            "noframes", "plaintext", "iframe");

    private NestingLimit() {
    }

    public static Result apply(String html, int maxDepth) {
        int depth = 0;
        int dropped = 0;
        StringBuilder out = null;
        int copiedUpTo = 0;
        int i = 0;
        int n = html.length();
        while (true) {
            int lt = html.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) {
                break;
            }
            char c = html.charAt(lt + 1);
            if (c == '!' || c == '?') {
                int end = html.startsWith("<!--", lt) ? html.indexOf("-->", lt + 4) : html.indexOf('>', lt + 2);
                i = end < 0 ? n : end + 1;
                continue;
            }
            boolean closing = c == '/';
            int nameStart = lt + (closing ? 2 : 1);
            int nameEnd = nameStart;
            while (nameEnd < n && isNameChar(html.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd == nameStart) {
                i = lt + 1; // a bare '<' in text
                continue;
            }
            int end = tagEnd(html, nameEnd);
            if (end < 0) {
                break;
            }
            String name = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            boolean selfClosing = html.charAt(end - 1) == '/';
            int next = end + 1;
            if (!closing && RAW_TEXT.contains(name)) {
                int close = indexOfIgnoreCase(html, "</" + name, next);
                next = close < 0 ? n : close;
            }
            boolean drop = false;
            if (!NOT_A_LEVEL.contains(name) && !RAW_TEXT.contains(name) && !selfClosing) {
                if (closing) {
                    drop = depth > maxDepth;
                    depth = Math.max(0, depth - 1);
                } else {
                    depth++;
                    drop = depth > maxDepth;
                }
            }
            if (drop) {
                if (out == null) {
                    out = new StringBuilder(html.length());
                }
                out.append(html, copiedUpTo, lt);
                copiedUpTo = end + 1;
                dropped++;
            }
            i = next;
        }
        if (out == null) {
            return new Result(html, 0);
        }
        out.append(html, copiedUpTo, n);
        return new Result(out.toString(), dropped);
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == ':' || c == '_';
    }

    /** The index of the {@code >} ending a tag, skipping quoted attribute values; -1 when the tag never ends. */
    private static int tagEnd(String html, int from) {
        char quote = 0;
        for (int i = from; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
        int n = what.length();
        for (int i = from; i <= s.length() - n; i++) {
            if (s.regionMatches(true, i, what, 0, n)) {
                return i;
            }
        }
        return -1;
    }
}
