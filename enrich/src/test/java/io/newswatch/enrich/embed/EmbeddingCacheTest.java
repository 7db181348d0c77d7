package io.newswatch.enrich.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newswatch.enrich.topic.SemanticTopicClassifier;
import io.newswatch.enrich.topic.Taxonomy;

/** The exemplar-embedding cache, with the real bundled model behind a counter. */
class EmbeddingCacheTest {

    private static final SentenceEmbedder MODEL = OnnxSentenceEmbedder.shared(OnnxSentenceEmbedder.MINILM_L6_V2_Q);
    private static final List<String> TEXTS = List.of("Striker scores twice in the derby",
            "Central bank raises interest rates", "Heavy snow expected overnight", "Striker scores twice in the derby");

    @TempDir
    Path dir;

    @Test
    void aSecondStartReadsEveryVectorFromTheFileAndGetsTheSameVectors() {
        Counting first = new Counting(MODEL);
        List<float[]> fresh = EmbeddingCache.in(dir).embedAll(TEXTS, first);
        assertThat(first.embedded).hasSize(4);
        assertThat(EmbeddingCache.in(dir).file(MODEL.name())).isRegularFile();

        Counting second = new Counting(MODEL);
        List<float[]> cached = EmbeddingCache.in(dir).embedAll(TEXTS, second);
        assertThat(second.embedded).isEmpty();
        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(cached.get(i)).containsExactly(fresh.get(i));
        }
    }

    @Test
    void onlyTextsTheFileLacksAreEmbeddedAndTheFileKeepsOnlyTheTextsAskedFor() throws Exception {
        EmbeddingCache.in(dir).embedAll(TEXTS, MODEL);
        long withFour = Files.size(EmbeddingCache.in(dir).file(MODEL.name()));

        List<String> edited = List.of("Striker scores twice in the derby", "Parliament passes the budget");
        Counting counting = new Counting(MODEL);
        List<float[]> vectors = EmbeddingCache.in(dir).embedAll(edited, counting);
        assertThat(counting.embedded).containsExactly("Parliament passes the budget");
        assertThat(vectors.get(1)).containsExactly(MODEL.embed("Parliament passes the budget"));
        // Three distinct texts before, two now: the file shrank by one entry of 32 + 384 * 4 bytes.
        assertThat(Files.size(EmbeddingCache.in(dir).file(MODEL.name()))).isEqualTo(withFour - (32 + 384 * 4));
    }

    @Test
    void aTruncatedOrForeignFileIsIgnoredAndRewritten() throws Exception {
        EmbeddingCache.in(dir).embedAll(TEXTS, MODEL);
        Path file = EmbeddingCache.in(dir).file(MODEL.name());
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() - 100); // as a kill during a write without the rename would leave it
        }
        Counting afterTruncation = new Counting(MODEL);
        List<float[]> vectors = EmbeddingCache.in(dir).embedAll(TEXTS, afterTruncation);
        assertThat(afterTruncation.embedded).hasSize(4);
        assertThat(vectors.get(2)).containsExactly(MODEL.embed(TEXTS.get(2)));

        Files.writeString(file, "not a cache at all");
        Counting afterGarbage = new Counting(MODEL);
        EmbeddingCache.in(dir).embedAll(TEXTS, afterGarbage);
        assertThat(afterGarbage.embedded).hasSize(4);

        Counting afterRewrite = new Counting(MODEL);
        EmbeddingCache.in(dir).embedAll(TEXTS, afterRewrite);
        assertThat(afterRewrite.embedded).as("the rewritten file is whole again").isEmpty();
    }

    @Test
    void vectorsOfAnotherModelAreNotUsed() throws Exception {
        EmbeddingCache.in(dir).embedAll(TEXTS, MODEL);
        Path file = EmbeddingCache.in(dir).file(MODEL.name());
        Counting other = new Counting(MODEL) {
            @Override
            public String name() {
                return "another-model";
            }
        };
        // Plant this model's file where the other model's would be: its vectors must not be taken.
        Files.copy(file, EmbeddingCache.in(dir).file("another-model"));
        EmbeddingCache.in(dir).embedAll(TEXTS, other);
        assertThat(other.embedded).hasSize(4);
    }

    @Test
    void anotherWritersTemporaryFileDoesNotStandInTheWay() throws Exception {
        Path file = EmbeddingCache.in(dir).file(MODEL.name());
        // What a second process sharing the folder could hold open while writing its own copy.
        Files.createDirectories(file.resolveSibling(file.getFileName() + ".tmp"));
        EmbeddingCache.in(dir).embedAll(TEXTS, MODEL);
        Counting second = new Counting(MODEL);
        EmbeddingCache.in(dir).embedAll(TEXTS, second);
        assertThat(second.embedded).isEmpty();
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    file.getFileName().toString(), file.getFileName() + ".tmp");
        }
    }

    @Test
    void aDirectoryThatCannotBeWrittenCostsOnlyTheTimeSaved() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        Counting counting = new Counting(MODEL);
        List<float[]> vectors = EmbeddingCache.in(notADirectory).embedAll(TEXTS, counting);
        assertThat(vectors).hasSize(4);
        assertThat(counting.embedded).hasSize(4);
    }

    @Test
    void theTopicClassifierBuiltFromTheCacheIsCalibratedExactlyAsOneBuiltFromTheModel() {
        Taxonomy taxonomy = Taxonomy.loadDefault();
        SemanticTopicClassifier fresh = new SemanticTopicClassifier(taxonomy, MODEL, EmbeddingCache.in(dir));
        Counting counting = new Counting(MODEL);
        SemanticTopicClassifier cached = new SemanticTopicClassifier(taxonomy, counting, EmbeddingCache.in(dir));
        assertThat(counting.embedded).isEmpty();
        assertThat(cached.calibration()).isEqualTo(fresh.calibration());
        assertThat(cached.calibration().exemplars()).isGreaterThan(500);
        String title = "Mets edge Braves 4-3 in ten innings";
        assertThat(cached.assign(title, "", "eng").topics()).isEqualTo(fresh.assign(title, "", "eng").topics());
    }

    /** The model, recording which texts it was asked to embed. */
    private static class Counting implements SentenceEmbedder {
        final ConcurrentLinkedQueue<String> embedded = new ConcurrentLinkedQueue<>();
        private final SentenceEmbedder model;

        Counting(SentenceEmbedder model) {
            this.model = model;
        }

        @Override
        public float[] embed(String text) {
            embedded.add(text);
            return model.embed(text);
        }

        @Override
        public int dimension() {
            return model.dimension();
        }

        @Override
        public String name() {
            return model.name();
        }
    }
}
