package io.newswatch.articles.extract;

import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newswatch.articles.ArticleJson;
import io.newswatch.articles.CanonicalUrl;
import io.newswatch.articles.CleanText;
import io.newswatch.articles.FileLimits;
import io.newswatch.articles.HtmlText;
import io.newswatch.articles.clean.BoilerplateFilter;

/**
 * Extracts an article from a full HTML page: metadata from {@code <meta>}, JSON-LD and markup, and
 * the main text with navigation, link lists, share widgets, comment sections, cookie banners and
 * other page furniture removed.
 *
 * <p>The main text is the page's {@code articleBody} / {@code <article>} / {@code <main>} when it
 * has one, else the element holding the most paragraph text; within it, paragraphs that are mostly
 * links and lines that {@link BoilerplateFilter} knows as junk are dropped.
 */
public final class PageExtractor implements HtmlText {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PageExtractor.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre, dd";
    private static final String ALWAYS_FURNITURE = "script, style, noscript, template, iframe, object, embed, form, nav, "
            + "aside, footer, header, button, svg, canvas, select, input, textarea, dialog, figure, figcaption, "
            + "[hidden], [aria-hidden=true], [role=navigation], [role=complementary], [role=contentinfo], [role=banner], "
            + "[role=dialog], [role=alertdialog], [role=search], [itemprop=comment], [style~=display:\\s*none]";
    private static final Pattern FURNITURE_NAMES = Pattern.compile(
            "(^|[\\s_-])(comments?|comment-form|respond|replies|share|sharing|sharebar|social|related|recommend\\w*|"
                    + "newsletter|subscribe|subscription|signup|cookies?|consent|gdpr|banner|promo\\w*|advert\\w*|ads?|"
                    + "sponsor\\w*|sidebar|menu|nav|navbar|navigation|breadcrumbs?|footer|masthead|popup|modal|widget|"
                    + "outbrain|taboola|paywall|trending|popular|most-read|tags|author-bio|byline|disqus|toolbar|skip)($|[\\s_-])");
    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "blogposting", "liveblogposting",
            "scholarlyarticle", "techarticle", "report", "webpage");

    private final int maxNesting;

    public PageExtractor() {
        this(FileLimits.DEFAULT_MAX_NESTING);
    }

    /** {@code maxNesting}: markup nested deeper is flattened before parsing (see {@link NestingLimit}). */
    public PageExtractor(int maxNesting) {
        this.maxNesting = maxNesting;
    }

    /**
     * Extracts the article of {@code html}, fetched from {@code pageUrl} (may be null).
     *
     * @throws ExtractionCancelledException when the thread is interrupted meanwhile
     */
    public ExtractedPage extract(String html, String pageUrl) {
        NestingLimit.Result flat = NestingLimit.apply(html, maxNesting);
        if (flat.droppedTags() > 0) {
            log.debug("Flattened {} tags nested deeper than {} in {}", flat.droppedTags(), maxNesting,
                    pageUrl == null ? "a page" : pageUrl);
        }
        Document doc = parse(flat.html(), pageUrl == null ? "" : pageUrl);
        JsonNode ld = jsonLdArticle(doc);
        String title = first(ld == null ? null : textOf(ld.get("headline")), meta(doc, "og:title"), meta(doc, "twitter:title"),
                doc.selectFirst("h1") == null ? null : doc.selectFirst("h1").text(), doc.title());
        List<String> authors = authors(doc, ld);
        Instant published = firstInstant(meta(doc, "article:published_time"), ld == null ? null : textOf(ld.get("datePublished")),
                attr(doc, "[itemprop=datePublished]", "content", "datetime"), meta(doc, "pubdate"), meta(doc, "publishdate"),
                meta(doc, "date"), meta(doc, "dc.date"), meta(doc, "dcterms.created"), attr(doc, "article time[datetime]", "datetime"),
                attr(doc, "time[datetime]", "datetime"));
        Instant modified = firstInstant(meta(doc, "article:modified_time"), ld == null ? null : textOf(ld.get("dateModified")),
                attr(doc, "[itemprop=dateModified]", "content", "datetime"));
        String canonical = canonical(doc, ld);
        String language = language(doc, ld);
        String siteName = first(meta(doc, "og:site_name"), ld == null ? null : textOf(ld.path("publisher").get("name")));
        String text = CleanText.text(mainText(doc, title));
        return new ExtractedPage(shortTitle(title), text, authors, published, modified, canonical, language, siteName);
    }

    /** A page's title, cleaned and cut to a sensible length (the markup is not the reader's to fix). */
    private static String shortTitle(String title) {
        String t = CleanText.title(title);
        if (t == null || t.length() <= ArticleJson.MAX_TITLE_CHARS) {
            return t;
        }
        int cut = t.lastIndexOf(' ', ArticleJson.MAX_TITLE_CHARS);
        return t.substring(0, cut > ArticleJson.MAX_TITLE_CHARS / 2 ? cut : ArticleJson.MAX_TITLE_CHARS).strip() + "…";
    }

    /** The main text only; lets the page extractor stand in wherever HTML must become article text. */
    @Override
    public String text(String html, String baseUrl) {
        return extract(html, baseUrl).text();
    }

    /** Parses through a reader that checks for interruption at each read, so that parsing can be cancelled. */
    private static Document parse(String html, String baseUri) {
        return Parser.htmlParser().parseInput(new InterruptibleReader(html), baseUri);
    }

    // ---- main text

    private static String mainText(Document doc, String title) {
        Element body = doc.body();
        body.select(ALWAYS_FURNITURE).remove();
        for (Element e : body.getAllElements()) {
            ExtractionCancelledException.checkInterrupted();
            if (e == body || e.parent() == null || isArticleContainer(e)) {
                continue;
            }
            String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
            if (!names.isBlank() && FURNITURE_NAMES.matcher(names).find()
                    && e.selectFirst("[itemprop=articleBody], article, main") == null) {
                e.remove();
            }
        }
        Element root = contentRoot(body);
        List<String> lines = new ArrayList<>();
        for (Element block : root.select(BLOCKS)) {
            ExtractionCancelledException.checkInterrupted();
            if (!block.children().select(BLOCKS).isEmpty()) {
                continue; // a container of other blocks: its children are taken on their own
            }
            String text = block.text().strip();
            if (text.isEmpty() || linkDensity(block, text) > (block.is("li") ? 0.5 : 0.8)) {
                continue;
            }
            // Items are marked so that the filter can drop a link list after a "Related" heading.
            lines.add(block.is("li") ? "• " + text : text);
        }
        if (lines.isEmpty()) {
            lines = root.wholeText().lines().toList();
        }
        List<String> kept = new ArrayList<>();
        for (String line : BoilerplateFilter.keepStory(lines)) {
            String clean = line.startsWith("• ") ? line.substring(2) : line;
            if (kept.isEmpty() && title != null && clean.equalsIgnoreCase(title.strip())) {
                continue;
            }
            kept.add(clean);
        }
        return String.join("\n\n", kept);
    }

    private static boolean isArticleContainer(Element e) {
        return e.is("article, main, [itemprop=articleBody], [role=main]");
    }

    private static Element contentRoot(Element body) {
        Element marked = body.selectFirst("[itemprop=articleBody]");
        if (marked != null && paragraphChars(marked) > 0) {
            return marked;
        }
        Element best = null;
        int bestChars = 0;
        for (Element article : body.select("article")) {
            int chars = paragraphChars(article);
            if (chars > bestChars) {
                best = article;
                bestChars = chars;
            }
        }
        if (best != null) {
            return best;
        }
        Element main = body.selectFirst("main, [role=main]");
        if (main != null && paragraphChars(main) > 0) {
            return main;
        }
        return densest(body);
    }

    /** The element whose paragraphs carry the most prose, scoring a paragraph's parent fully and its grandparent half. */
    private static Element densest(Element body) {
        Map<Element, Double> scores = new IdentityHashMap<>();
        for (Element p : body.select("p")) {
            ExtractionCancelledException.checkInterrupted();
            String text = p.text();
            if (text.length() < 25) {
                continue;
            }
            double score = 1 + text.split(",").length + Math.min(text.length() / 100.0, 3);
            Element parent = p.parent();
            if (parent != null) {
                scores.merge(parent, score, Double::sum);
                if (parent.parent() != null) {
                    scores.merge(parent.parent(), score / 2, Double::sum);
                }
            }
        }
        return scores.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(body);
    }

    private static int paragraphChars(Element e) {
        int n = 0;
        for (Element p : e.select("p")) {
            ExtractionCancelledException.checkInterrupted();
            n += p.text().length();
        }
        return n;
    }

    private static double linkDensity(Element block, String text) {
        int linked = 0;
        for (Element a : block.select("a")) {
            linked += a.text().length();
        }
        return text.isEmpty() ? 0 : (double) linked / text.length();
    }

    // ---- metadata

    private static JsonNode jsonLdArticle(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode found = findArticle(JSON.readTree(script.data()));
                if (found != null) {
                    return found;
                }
            } catch (Exception e) {
                // malformed JSON-LD is common; the page's other metadata still counts
            }
        }
        return null;
    }

    private static JsonNode findArticle(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                JsonNode found = findArticle(item);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        if (isArticleType(node.get("@type")) && node.has("headline")) {
            return node;
        }
        return findArticle(node.get("@graph"));
    }

    private static boolean isArticleType(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticleType(t)) {
                    return true;
                }
            }
            return false;
        }
        return ARTICLE_TYPES.contains(type.asText().toLowerCase(Locale.ROOT));
    }

    private static List<String> authors(Document doc, JsonNode ld) {
        Set<String> names = new LinkedHashSet<>();
        if (ld != null) {
            addPeople(ld.get("author"), names);
        }
        for (Element m : doc.select("meta[name=author], meta[property=article:author], meta[name=byl], meta[name=dc.creator]")) {
            String v = m.attr("content").strip();
            if (!v.isEmpty() && !v.startsWith("http")) {
                names.add(byline(v));
            }
        }
        if (names.isEmpty()) {
            for (Element e : doc.select("[rel=author], [itemprop=author], .byline, .author-name")) {
                Element name = e.selectFirst("[itemprop=name]");
                String v = byline(name != null ? name.text() : e.text());
                if (!v.isEmpty() && v.length() < 100) {
                    names.add(v);
                }
            }
        }
        names.remove("");
        return List.copyOf(names);
    }

    private static void addPeople(JsonNode node, Set<String> names) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> addPeople(n, names));
        } else if (node.isObject()) {
            String name = textOf(node.get("name"));
            if (name != null) {
                names.add(byline(name));
            }
        } else if (node.isTextual()) {
            names.add(byline(node.asText()));
        }
    }

    private static String byline(String s) {
        return s.strip().replaceFirst("(?i)^by\\s+", "").strip();
    }

    private static String canonical(Document doc, JsonNode ld) {
        Element link = doc.selectFirst("link[rel=canonical][href]");
        List<String> candidates = new ArrayList<>();
        if (link != null) {
            candidates.add(link.absUrl("href"));
        }
        Element og = doc.selectFirst("meta[property=og:url][content]");
        if (og != null) {
            candidates.add(og.absUrl("content").isEmpty() ? og.attr("content") : og.absUrl("content"));
        }
        if (ld != null) {
            candidates.add(textOf(ld.get("url")));
            candidates.add(textOf(ld.path("mainEntityOfPage").get("@id")));
        }
        for (String c : candidates) {
            Optional<String> url = CanonicalUrl.of(c);
            if (url.isPresent()) {
                return url.get();
            }
        }
        return null;
    }

    private static String language(Document doc, JsonNode ld) {
        String lang = first(doc.selectFirst("html") == null ? null : doc.selectFirst("html").attr("lang"),
                attr(doc, "meta[http-equiv=content-language]", "content"), meta(doc, "og:locale"),
                ld == null ? null : textOf(ld.get("inLanguage")));
        if (lang == null) {
            return null;
        }
        String tag = lang.strip().split("[,;\\s]")[0].replace('_', '-');
        return tag.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*") ? tag : null;
    }

    private static String meta(Document doc, String name) {
        for (Element m : doc.select("meta[content]")) {
            if (name.equalsIgnoreCase(m.attr("property")) || name.equalsIgnoreCase(m.attr("name"))
                    || name.equalsIgnoreCase(m.attr("itemprop"))) {
                String v = m.attr("content").strip();
                if (!v.isEmpty()) {
                    return v;
                }
            }
        }
        return null;
    }

    private static String attr(Document doc, String selector, String... attributes) {
        Elements found = doc.select(selector);
        for (Element e : found) {
            for (String a : attributes) {
                if (!e.attr(a).isBlank()) {
                    return e.attr(a).strip();
                }
            }
        }
        return null;
    }

    private static String textOf(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isArray()) {
            return node.size() == 0 ? null : textOf(node.get(0));
        }
        return node.isValueNode() && !node.asText().isBlank() ? node.asText().strip() : null;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static Instant firstInstant(String... values) {
        for (String v : values) {
            Instant t = v == null ? null : ArticleJson.instant(v);
            if (t != null && ArticleJson.isPlausible(t)) {
                return t;
            }
        }
        return null;
    }

    /** Hands the parser small chunks of a string, checking for interruption before each. */
    private static final class InterruptibleReader extends Reader {
        private static final int CHUNK = 1024;
        private final String text;
        private int next;

        InterruptibleReader(String text) {
            this.text = text;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            // Unchecked, so the parser lets it through as it is (it wraps only I/O errors).
            ExtractionCancelledException.checkInterrupted();
            if (next >= text.length()) {
                return -1;
            }
            int n = Math.min(Math.min(len, CHUNK), text.length() - next);
            text.getChars(next, next + n, buf, off);
            next += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
