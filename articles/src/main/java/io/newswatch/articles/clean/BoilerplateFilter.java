package io.newswatch.articles.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Drops the lines of scraped article text that are page furniture rather than story: video teasers,
 * "related" blocks and their bullet lists, share and newsletter prompts, cookie notices, template
 * fragments, and comment sections (whose marker ends the story: what follows are comments).
 *
 * <p>Works on lines or paragraphs, so the text path ({@code .txt} files) and the HTML path (blocks
 * of an extracted page) share one definition of junk.
 */
public final class BoilerplateFilter {

    /** A line that is junk on its own; the story goes on after it. */
    private static final Pattern JUNK = Pattern.compile(String.join("|",
            "^now playing.*",
            "^(watch|video|listen)\\s*:.*",
            "^(advertisement|advertisment|sponsored( content)?|ad)$",
            "^(share|share this( article| story| post)?|share on \\w+|tweet( this)?|email|print|whatsapp|facebook|twitter|"
                    + "linkedin|pinterest|copy link|comments?)\\s*[:…]?$",
            "^(sign up|subscribe)\\b.{0,60}\\b(newsletter|updates|alerts|inbox)\\b.*",
            ".*\\bwe use cookies\\b.*", "^(accept|reject|manage) (all )?cookies.*", "^cookie (policy|settings|preferences).*",
            "^(skip to (main )?content|menu|home|search|close|open menu|back to top)$",
            "^(image|photo|picture)( credit)?\\s*:.*", "^(getty images|ap photo|reuters)$",
            "^(follow us|follow) on \\w+.*", "^all rights reserved.*", "^©.*", "^copyright \\d{4}.*"),
            Pattern.CASE_INSENSITIVE);

    /** Headings of link lists: the heading and the list after it are dropped. */
    private static final Pattern LIST_HEADING = Pattern.compile(
            "^(related( coverage| stories| articles| content| posts| links| news| reading)?|read more|see also|more from .{1,40}"
                    + "|more stories|you (may|might) also like|recommended( for you)?|most (read|popular|viewed)|trending( now)?"
                    + "|top stories|editor'?s picks)\\s*[:.…]*$",
            Pattern.CASE_INSENSITIVE);

    /** Markers of a comment section or a site footer: nothing after them belongs to the story. */
    private static final Pattern END_OF_STORY = Pattern.compile(
            "^(leave a (reply|comment)|post a comment|add a comment|\\d+ comments?:?|no comments( yet)?[:.]?|comments are closed\\.?"
                    + "|your email address will not be published\\.?.*|join the (conversation|discussion)|"
                    + "show comments|view comments|\\d+ responses? to .{1,200})$",
            Pattern.CASE_INSENSITIVE);

    /** Leftovers of templates and markup: attribute assignments, template expressions, tags. */
    private static final Pattern TEMPLATE = Pattern.compile(
            "(^[\\w:.-]+\\s*=\\s*['\"].*|.*\\b(expr|data|b):[\\w.]+.*['\"]\\s*/?>\\s*$|^</?[a-z][\\w:-]*(\\s[^>]*)?/?>$|"
                    + ".*\\{\\{.*\\}\\}.*|.*<%.*%>.*)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern BULLET = Pattern.compile("^[•·▪◦*\\-–—‣►▶>]\\s*.*");

    private BoilerplateFilter() {
    }

    /** The lines of {@code lines} that belong to the story, in order; blank lines are dropped. */
    public static List<String> keepStory(List<String> lines) {
        List<String> kept = new ArrayList<>();
        boolean inLinkList = false;
        for (String raw : lines) {
            String line = normaliseSpace(raw);
            if (line.isEmpty()) {
                continue;
            }
            if (END_OF_STORY.matcher(line).matches()) {
                break;
            }
            if (inLinkList) {
                if (BULLET.matcher(line).matches()) {
                    continue;
                }
                inLinkList = false;
            }
            if (LIST_HEADING.matcher(line).matches()) {
                inLinkList = true;
                continue;
            }
            if (isJunk(line)) {
                continue;
            }
            kept.add(line);
        }
        return kept;
    }

    /** Whether one line on its own is page furniture (ignores context such as a preceding "Related" heading). */
    public static boolean isJunk(String line) {
        String l = normaliseSpace(line);
        return JUNK.matcher(l).matches() || TEMPLATE.matcher(l).matches() || LIST_HEADING.matcher(l).matches()
                || END_OF_STORY.matcher(l).matches();
    }

    /** Whether {@code line} starts a comment section or footer after which nothing belongs to the story. */
    public static boolean endsStory(String line) {
        return END_OF_STORY.matcher(normaliseSpace(line)).matches();
    }

    /** Whether {@code line} is the heading of a list of links to other stories. */
    public static boolean isLinkListHeading(String line) {
        return LIST_HEADING.matcher(normaliseSpace(line)).matches();
    }

    static String normaliseSpace(String s) {
        return s.replace('\u00a0', ' ').replaceAll("[\\s\\u200b]+", " ").strip();
    }
}
