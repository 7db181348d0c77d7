package io.newswatch.alerts.match;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

import io.newswatch.schemas.EnrichedArticle;
import io.newswatch.schemas.Entity;
import io.newswatch.schemas.EntityType;
import io.newswatch.schemas.Mention;
import io.newswatch.schemas.Topic;

/**
 * How an enriched article is seen by the matcher: title and text in one analysed field, and the
 * enrichment results as exact keyword fields, so that entity and topic clauses cost one term
 * look-up and are as selective for the presearcher as a rare word.
 */
public final class ArticleFields {

    /**
     * Title, then the text, as two values (a phrase cannot span them); word-analysed (standard
     * tokenizer, lower case, no stop words). Offsets run on as in {@link #body}.
     */
    public static final String TEXT = "text";
    /** One term per entity name and surface form: {@code type:normalised name}, and {@code id:<watch-list entity id>}. */
    public static final String ENTITY = "entity";
    /** One term per topic code. */
    public static final String TOPIC = "topic";
    /** Topic scores as points, one field per code, for {@code minScore}. */
    public static final String TOPIC_SCORE_PREFIX = "topic.score.";

    /** As long as the analyser's offset gap between two values of a field, so that offsets fall into {@link #body}. */
    static final String TITLE_SEPARATOR = "\n";
    private static final int POSITION_GAP = 100;

    private ArticleFields() {
    }

    public static Analyzer analyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer tokenizer = new StandardTokenizer();
                return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return POSITION_GAP;
            }
        };
    }

    public static Document document(EnrichedArticle article) {
        Document doc = new Document();
        doc.add(new TextField(TEXT, article.getArticle().getTitle(), Field.Store.NO));
        doc.add(new TextField(TEXT, article.getArticle().getText(), Field.Store.NO));
        for (String term : entityTerms(article)) {
            doc.add(new StringField(ENTITY, term, Field.Store.NO));
        }
        for (Topic t : article.getTopics()) {
            doc.add(new StringField(TOPIC, t.getCode(), Field.Store.NO));
            doc.add(new DoublePoint(TOPIC_SCORE_PREFIX + t.getCode(), t.getScore()));
        }
        return doc;
    }

    static String body(EnrichedArticle article) {
        return article.getArticle().getTitle() + TITLE_SEPARATOR + article.getArticle().getText();
    }

    static Set<String> entityTerms(EnrichedArticle article) {
        Set<String> terms = new LinkedHashSet<>();
        for (Entity e : article.getEntities()) {
            Set<String> names = new LinkedHashSet<>();
            names.add(normalize(e.getName()));
            for (Mention m : e.getMentions()) {
                names.add(normalize(m.getText()));
            }
            names.remove("");
            // An entity the enricher could not type still matches a typed clause by name.
            EntityType[] types = e.getType() == EntityType.MISC ? EntityType.values() : new EntityType[] {e.getType()};
            for (EntityType type : types) {
                for (String name : names) {
                    terms.add(entityTerm(type, name));
                }
            }
            for (String id : e.getWatchlistEntityIds()) {
                terms.add(entityIdTerm(id));
            }
        }
        return terms;
    }

    static String entityTerm(EntityType type, String normalisedName) {
        return type.name().toLowerCase(Locale.ROOT) + ":" + normalisedName;
    }

    static String entityIdTerm(String id) {
        return "id:" + id;
    }

    /** Case, width and punctuation differences do not make two names different: "WhatsApp Inc." = "whatsapp inc". */
    public static String normalize(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
