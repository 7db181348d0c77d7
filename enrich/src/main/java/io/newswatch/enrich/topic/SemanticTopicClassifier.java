package io.newswatch.enrich.topic;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newswatch.enrich.embed.EmbeddingCache;
import io.newswatch.enrich.embed.SentenceEmbedder;
import io.newswatch.schemas.Topic;

/**
 * Zero-shot topics from sentence embeddings, fused with the taxonomy's cues.
 *
 * <p>Each topic is represented by the embeddings of its exemplar headlines and of its label with
 * its description. An article's title and lead are embedded once; its similarity to a topic mixes
 * the cosine to the topic's centroid and the mean cosine of the topic's {@value #NEAREST} nearest
 * exemplars. The cue score (0..1, see {@link CueTopicClassifier}) is added as evidence, so a topic
 * whose precise cue words occur is lifted. A softmax over the topics turns this into scores that
 * sum to 1: the estimated probability that the topic is the article's main one.
 *
 * <p>The mix, the softmax temperature and the cue weight are fitted when the classifier is built,
 * by leave-one-out over the exemplars (each exemplar classified against all the others, minimising
 * the log loss), so a user's taxonomy is calibrated the same way as the bundled one.
 */
public final class SemanticTopicClassifier implements TopicClassifier {

    /** Nearest exemplars averaged per topic. */
    static final int NEAREST = 3;
    /** Characters of the text after the title that are embedded: the lead. */
    static final int LEAD_CHARS = 240;
    /** Languages the embedding model was trained on (ISO 639-3); others get cues only. */
    static final Set<String> LANGUAGES = Set.of("eng");

    private static final Logger log = LoggerFactory.getLogger(SemanticTopicClassifier.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The fitted parameters and how well they did on the held-out exemplars. */
    public record Calibration(double centroidWeight, double temperature, double cueWeight, double logLoss,
            double accuracy, int exemplars) {
    }

    private final Taxonomy taxonomy;
    private final SentenceEmbedder embedder;
    private final CueTopicClassifier cues;
    /** Per topic: its exemplar vectors (the description's last). */
    private final float[][][] vectors;
    /** Per topic: the normalised mean of its vectors. */
    private final float[][] centroids;
    private final Calibration calibration;

    public SemanticTopicClassifier(Taxonomy taxonomy, SentenceEmbedder embedder) {
        this(taxonomy, embedder, EmbeddingCache.none());
    }

    /** {@code cache}: where the exemplars' embeddings are kept between starts. */
    public SemanticTopicClassifier(Taxonomy taxonomy, SentenceEmbedder embedder, EmbeddingCache cache) {
        this.taxonomy = taxonomy;
        this.embedder = embedder;
        this.cues = new CueTopicClassifier(taxonomy);
        long start = System.nanoTime();
        int k = taxonomy.topics().size();
        List<String> texts = new ArrayList<>();
        int[] firstOfTopic = new int[k + 1];
        for (int t = 0; t < k; t++) {
            Taxonomy.TopicDefinition def = taxonomy.topics().get(t);
            firstOfTopic[t] = texts.size();
            texts.addAll(def.exemplars());
            texts.add(def.label() + (def.description().isEmpty() ? "" : ": " + def.description()));
        }
        firstOfTopic[k] = texts.size();
        // Built once at start, on every core (each inference runs on one) for the texts the cache lacks.
        List<float[]> embedded = cache.embedAll(texts, embedder);
        vectors = new float[k][][];
        centroids = new float[k][];
        for (int t = 0; t < k; t++) {
            vectors[t] = embedded.subList(firstOfTopic[t], firstOfTopic[t + 1]).toArray(float[][]::new);
            centroids[t] = centroid(vectors[t], -1);
        }
        calibration = calibrate();
        log.info("semantic topics: {} topics, {} exemplars embedded with {} in {} ms; calibration on held-out "
                        + "exemplars: centroid weight {}, temperature {}, cue weight {}, log loss {}, accuracy {}",
                k, calibration.exemplars(), embedder.name(), (System.nanoTime() - start) / 1_000_000,
                calibration.centroidWeight(), calibration.temperature(), calibration.cueWeight(),
                String.format(Locale.ROOT, "%.3f", calibration.logLoss()),
                String.format(Locale.ROOT, "%.3f", calibration.accuracy()));
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public Calibration calibration() {
        return calibration;
    }

    @Override
    public List<Topic> classify(String title, String text) {
        return assign(title, text, "eng").topics();
    }

    @Override
    public TopicAssignment assign(String title, String text, String language) {
        String t = title == null ? "" : title.strip();
        String x = text == null ? "" : text.strip();
        if (t.isEmpty() && x.isEmpty()) {
            return TopicAssignment.none(List.of());
        }
        if (!"und".equals(language) && !LANGUAGES.contains(language)) {
            return new TopicAssignment(cues.classify(t, x), List.of(TopicAssignment.FLAG_TOPICS_FROM_CUES), null, 0);
        }
        long cpu = THREADS.getCurrentThreadCpuTime();
        float[] v = embedder.embed(embeddingInput(t, x));
        long embedNanos = THREADS.getCurrentThreadCpuTime() - cpu;
        double[] p = probabilities(v, cues.evidence(t, x));
        List<String> flags = new ArrayList<>();
        return new TopicAssignment(topics(p, flags), List.copyOf(flags), v, embedNanos);
    }

    /** The scores of every topic for an embedding and cue evidence, in taxonomy order; they sum to 1. */
    double[] probabilities(float[] v, double[] cueEvidence) {
        double[] logits = new double[vectors.length];
        for (int t = 0; t < vectors.length; t++) {
            double similarity = calibration.centroidWeight() * SentenceEmbedder.dot(v, centroids[t])
                    + (1 - calibration.centroidWeight()) * nearest(v, vectors[t], -1);
            logits[t] = logit(similarity, cueEvidence[t], calibration.temperature(), calibration.cueWeight());
        }
        return softmax(logits);
    }

    private List<Topic> topics(double[] p, List<String> flags) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> p[i]).reversed());
        List<Topic> topics = new ArrayList<>();
        for (int i : order) {
            if (topics.size() == taxonomy.topK() || p[i] < taxonomy.threshold()) {
                break;
            }
            topics.add(topic(i, p[i]));
        }
        if (topics.isEmpty()) {
            topics.add(topic(order[0], p[order[0]]));
            flags.add(TopicAssignment.FLAG_TOPIC_BELOW_THRESHOLD);
        }
        return List.copyOf(topics);
    }

    private Topic topic(int i, double score) {
        Taxonomy.TopicDefinition def = taxonomy.topics().get(i);
        return new Topic(def.code(), def.label(), Math.round(score * 1000) / 1000.0);
    }

    /**
     * What is embedded: the title and the lead (the text's first {@value #LEAD_CHARS} characters,
     * ending on a sentence or word boundary), which say what the article is about.
     */
    static String embeddingInput(String title, String text) {
        String lead = text;
        if (lead.length() > LEAD_CHARS) {
            int cut = -1;
            for (String end : new String[] {". ", "! ", "? ", ".\n", "\n"}) {
                cut = Math.max(cut, lead.lastIndexOf(end, LEAD_CHARS));
            }
            if (cut < LEAD_CHARS / 3) {
                cut = lead.lastIndexOf(' ', LEAD_CHARS);
            }
            lead = lead.substring(0, cut > 0 ? cut + 1 : LEAD_CHARS).strip();
        }
        if (title.isEmpty()) {
            return lead;
        }
        if (lead.isEmpty()) {
            return title;
        }
        char last = title.charAt(title.length() - 1);
        return title + (".!?:".indexOf(last) >= 0 ? " " : ". ") + lead;
    }

    private static double logit(double similarity, double cueEvidence, double temperature, double cueWeight) {
        return similarity / temperature + cueWeight * (1 - Math.exp(-cueEvidence / CueTopicClassifier.SCALE));
    }

    /** Mean cosine of the {@value #NEAREST} vectors nearest to {@code v}, leaving out index {@code skip}. */
    private static double nearest(float[] v, float[][] vectors, int skip) {
        double[] best = new double[NEAREST];
        Arrays.fill(best, -2);
        int n = 0;
        for (int i = 0; i < vectors.length; i++) {
            if (i == skip) {
                continue;
            }
            n++;
            double s = SentenceEmbedder.dot(v, vectors[i]);
            // Insert into the small sorted array of the best so far (descending).
            for (int j = 0; j < NEAREST; j++) {
                if (s > best[j]) {
                    System.arraycopy(best, j, best, j + 1, NEAREST - j - 1);
                    best[j] = s;
                    break;
                }
            }
        }
        int m = Math.min(NEAREST, n);
        double sum = 0;
        for (int j = 0; j < m; j++) {
            sum += best[j];
        }
        return m == 0 ? 0 : sum / m;
    }

    private static float[] centroid(float[][] vectors, int skip) {
        float[] c = new float[vectors[0].length];
        for (int i = 0; i < vectors.length; i++) {
            if (i != skip) {
                for (int d = 0; d < c.length; d++) {
                    c[d] += vectors[i][d];
                }
            }
        }
        return SentenceEmbedder.normalise(c);
    }

    private static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        double[] p = new double[logits.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /**
     * Leave-one-out over the exemplars: each one is scored against every topic with itself left
     * out of its own topic, then the grid point with the lowest mean log loss is kept.
     */
    private Calibration calibrate() {
        int k = vectors.length;
        List<double[]> centroidSims = new ArrayList<>();
        List<double[]> nearestSims = new ArrayList<>();
        List<double[]> cueScores = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int y = 0; y < k; y++) {
            List<String> exemplars = taxonomy.topics().get(y).exemplars();
            for (int i = 0; i < exemplars.size(); i++) {
                float[] v = vectors[y][i];
                double[] c = new double[k];
                double[] n = new double[k];
                for (int t = 0; t < k; t++) {
                    c[t] = SentenceEmbedder.dot(v, t == y ? centroid(vectors[t], i) : centroids[t]);
                    n[t] = nearest(v, vectors[t], t == y ? i : -1);
                }
                centroidSims.add(c);
                nearestSims.add(n);
                cueScores.add(cues.evidence(exemplars.get(i), ""));
                labels.add(y);
            }
        }
        if (labels.isEmpty()) {
            // No exemplars: descriptions only, with middling defaults.
            return new Calibration(1.0, 0.05, 2.0, Double.NaN, Double.NaN, 0);
        }
        Calibration best = null;
        for (double alpha : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            for (double temperature : new double[] {0.01, 0.015, 0.02, 0.025, 0.03, 0.04, 0.05, 0.07, 0.1}) {
                for (double cueWeight : new double[] {0, 0.5, 1, 1.5, 2, 3, 4, 6}) {
                    double loss = 0;
                    int right = 0;
                    for (int i = 0; i < labels.size(); i++) {
                        double[] logits = new double[k];
                        for (int t = 0; t < k; t++) {
                            double s = alpha * centroidSims.get(i)[t] + (1 - alpha) * nearestSims.get(i)[t];
                            logits[t] = logit(s, cueScores.get(i)[t], temperature, cueWeight);
                        }
                        double[] p = softmax(logits);
                        int y = labels.get(i);
                        loss -= Math.log(Math.max(p[y], 1e-12));
                        int argmax = 0;
                        for (int t = 1; t < k; t++) {
                            if (p[t] > p[argmax]) {
                                argmax = t;
                            }
                        }
                        right += argmax == y ? 1 : 0;
                    }
                    Calibration c = new Calibration(alpha, temperature, cueWeight, loss / labels.size(),
                            (double) right / labels.size(), labels.size());
                    if (best == null || c.logLoss() < best.logLoss()) {
                        best = c;
                    }
                }
            }
        }
        return best;
    }
}
