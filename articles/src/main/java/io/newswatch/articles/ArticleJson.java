package io.newswatch.articles;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;
import io.newswatch.schemas.Source;

/**
 * The article JSON format accepted by file ingest, the push API and the offline commands:
 *
 * <pre>{@code
 * {"url": "https://…", "title": "…", "text": "…" (or "html": "…"), "source": "Outlet" (or {"name", "domain"}),
 *  "publishedAt": "2017-03-27T08:00:00Z", "language": "en", "authors": ["…"], "id": "optional-stable-id"}
 * }</pre>
 *
 * Unknown fields are ignored so that producers can send richer documents.
 */
public final class ArticleJson {

    public static final int MAX_TEXT_CHARS = 1_000_000;
    /** Far above any real headline; a longer "title" is a whole text in the wrong field. */
    public static final int MAX_TITLE_CHARS = 2_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    private final HtmlText htmlText;

    public ArticleJson(HtmlText htmlText) {
        this.htmlText = htmlText;
    }

    public ArticleJson() {
        this(new ParagraphHtmlText());
    }

    /** Converts one JSON article; {@code where} (e.g. {@code file.jsonl:12}) prefixes error messages. */
    public RawArticle parse(JsonNode json, Origin origin, Instant fetchedAt, String where) throws InvalidArticleException {
        List<InvalidArticleException.FieldError> errors = new ArrayList<>();
        if (json == null || !json.isObject()) {
            throw new InvalidArticleException(where, List.of(new InvalidArticleException.FieldError("(article)",
                    "must be a JSON object")));
        }
        String url = text(json, "url", errors);
        Optional<String> canonical = Optional.empty();
        if (url != null) {
            canonical = CanonicalUrl.of(url);
            if (canonical.isEmpty()) {
                errors.add(new InvalidArticleException.FieldError("url", "must be an absolute http or https URL"));
            }
        }
        String canonicalField = text(json, "canonicalUrl", errors);
        if (canonicalField != null) {
            Optional<String> c = CanonicalUrl.of(canonicalField);
            if (c.isEmpty()) {
                errors.add(new InvalidArticleException.FieldError("canonicalUrl", "must be an absolute http or https URL"));
            } else {
                canonical = c;
            }
        }
        String title = CleanText.title(Optional.ofNullable(text(json, "title", errors)).orElse(""));
        if (title.length() > MAX_TITLE_CHARS) {
            errors.add(new InvalidArticleException.FieldError("title", "longer than " + MAX_TITLE_CHARS + " characters ("
                    + title.length() + ")"));
        }
        String body = text(json, "text", errors);
        String html = text(json, "html", errors);
        if (body == null && html != null) {
            body = htmlText.text(html, url);
        }
        body = CleanText.text(body);
        if (body == null || body.isBlank()) {
            errors.add(new InvalidArticleException.FieldError(json.has("html") ? "html" : "text",
                    "is required and must not be empty (give text or html)"));
        } else if (body.length() > MAX_TEXT_CHARS) {
            errors.add(new InvalidArticleException.FieldError(json.has("text") ? "text" : "html",
                    "longer than " + MAX_TEXT_CHARS + " characters"));
        }
        Instant publishedAt = null;
        String published = text(json, "publishedAt", errors);
        if (published != null) {
            publishedAt = instant(published);
            if (publishedAt == null) {
                errors.add(new InvalidArticleException.FieldError("publishedAt",
                        "must be an ISO-8601 date-time such as 2017-03-27T08:00:00Z, was '" + abbreviated(published) + "'"));
            } else if (!isPlausible(publishedAt)) {
                errors.add(new InvalidArticleException.FieldError("publishedAt",
                        "must lie between " + EARLIEST + " and " + LATEST + ", was " + publishedAt));
            }
        }
        String language = text(json, "language", errors);
        List<String> authors = stringOrList(json, "authors", errors);
        Source source = source(json, canonical.orElse(null), errors);
        String id = text(json, "id", errors);
        if (id != null && !ID.matcher(id).matches()) {
            errors.add(new InvalidArticleException.FieldError("id",
                    "must be 1-200 characters of letters, digits, '.', '_', ':' or '-'"));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode attrs = json.get("attributes");
        if (attrs != null && !attrs.isNull()) {
            if (!attrs.isObject()) {
                errors.add(new InvalidArticleException.FieldError("attributes", "must be an object of strings"));
            } else {
                attrs.properties().forEach(e -> attributes.put(e.getKey(), e.getValue().asText()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidArticleException(where, errors);
        }
        String hash = ArticleIds.contentHash(title, body);
        String articleId = id != null ? id : canonical.map(ArticleIds::fromUrl).orElse(ArticleIds.fromContent(hash));
        return RawArticle.newBuilder()
                .setId(articleId)
                .setUrl(url)
                .setCanonicalUrl(canonical.orElse(null))
                .setSource(source)
                .setOrigin(origin)
                .setTitle(title)
                .setText(body.strip())
                .setAuthors(authors)
                .setLanguage(language)
                .setPublishedAt(publishedAt)
                .setFetchedAt(fetchedAt)
                .setContentHash(hash)
                .setAttributes(attributes)
                .build();
    }

    private static Source source(JsonNode json, String canonicalUrl, List<InvalidArticleException.FieldError> errors) {
        String domain = canonicalUrl == null ? null : CanonicalUrl.domain(canonicalUrl).orElse(null);
        JsonNode node = json.get("source");
        if (node == null || node.isNull()) {
            return Source.newBuilder().setName(domain != null ? domain : "unknown").setDomain(domain).build();
        }
        if (node.isTextual()) {
            return Source.newBuilder().setName(node.asText().strip()).setDomain(domain).build();
        }
        if (node.isObject()) {
            String name = text(node, "name", errors);
            String ownDomain = text(node, "domain", errors);
            String feed = text(node, "feedUrl", errors);
            return Source.newBuilder()
                    .setName(name != null ? name : domain != null ? domain : "unknown")
                    .setDomain(ownDomain != null ? ownDomain.toLowerCase(java.util.Locale.ROOT) : domain)
                    .setFeedUrl(feed)
                    .setTags(stringOrList(node, "tags", errors))
                    .build();
        }
        errors.add(new InvalidArticleException.FieldError("source", "must be a name or an object with name and domain"));
        return Source.newBuilder().setName("unknown").build();
    }

    /** Dates outside this range (year 0, year 9999...) are typing or template mistakes, not news. */
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    public static boolean isPlausible(Instant t) {
        return !t.isBefore(EARLIEST) && t.isBefore(LATEST);
    }

    private static String abbreviated(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }

    /**
     * ISO-8601 instant, offset date-time (also with a {@code +0000} offset), local date-time (taken as
     * UTC), RFC 1123, or a bare date (midnight UTC); {@code null} when none of these.
     */
    public static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        String v = s.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(v, DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm[:ss][.SSS]XX")).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return java.time.LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    private static String text(JsonNode json, String field, List<InvalidArticleException.FieldError> errors) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new InvalidArticleException.FieldError(field, "must be a string"));
            return null;
        }
        return node.asText();
    }

    private static List<String> stringOrList(JsonNode json, String field, List<InvalidArticleException.FieldError> errors) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return node.asText().isBlank() ? List.of() : List.of(node.asText().strip());
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    errors.add(new InvalidArticleException.FieldError(field, "must hold only strings"));
                    return List.of();
                }
                if (!item.asText().isBlank()) {
                    values.add(item.asText().strip());
                }
            }
            return values;
        }
        errors.add(new InvalidArticleException.FieldError(field, "must be a string or a list of strings"));
        return List.of();
    }
}
