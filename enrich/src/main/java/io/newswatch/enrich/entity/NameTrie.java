package io.newswatch.enrich.entity;

import java.util.Arrays;

/**
 * Names (whitespace already collapsed to single spaces) in a character trie. Finding the longest
 * name at a position costs the length of that name, whatever the number of names; a space in a
 * name matches any run of whitespace in the text, and a name only matches when the text does not
 * go on with a letter or digit right after it.
 */
final class NameTrie {

    private static final class Node {
        char[] labels = new char[0];
        Node[] children = new Node[0];
        boolean terminal;

        Node child(char c) {
            int at = Arrays.binarySearch(labels, c);
            return at >= 0 ? children[at] : null;
        }

        Node childOrNew(char c) {
            int at = Arrays.binarySearch(labels, c);
            if (at >= 0) {
                return children[at];
            }
            int insert = -at - 1;
            char[] l = new char[labels.length + 1];
            Node[] k = new Node[children.length + 1];
            System.arraycopy(labels, 0, l, 0, insert);
            System.arraycopy(children, 0, k, 0, insert);
            l[insert] = c;
            k[insert] = new Node();
            System.arraycopy(labels, insert, l, insert + 1, labels.length - insert);
            System.arraycopy(children, insert, k, insert + 1, children.length - insert);
            labels = l;
            children = k;
            return k[insert];
        }
    }

    private final Node root = new Node();

    void add(String name) {
        Node node = root;
        for (int i = 0; i < name.length(); i++) {
            node = node.childOrNew(name.charAt(i));
        }
        node.terminal = true;
    }

    /** End offset of the longest name starting at {@code start} and ending on a word boundary, or -1. */
    int longestAt(String text, int start) {
        Node node = root;
        int j = start;
        int best = -1;
        while (true) {
            if (node.terminal && j > start && (j == text.length() || !isWordChar(text.codePointAt(j)))) {
                best = j;
            }
            if (j == text.length()) {
                return best;
            }
            char c = text.charAt(j);
            Node space = isWhitespace(c) ? node.child(' ') : null;
            if (space != null) {
                while (j < text.length() && isWhitespace(text.charAt(j))) {
                    j++;
                }
                node = space;
                continue;
            }
            node = node.child(c);
            if (node == null) {
                return best;
            }
            j++;
        }
    }

    /** Letters and numbers, as {@code \p{L}} and {@code \p{N}} define them. */
    static boolean isWordChar(int codePoint) {
        if (Character.isLetter(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** The characters {@code \s} matches. */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
