package io.newswatch.enrich.story;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The cost of the story step per article with 1k, 10k and 50k remembered articles, on generated
 * signatures (no NLP); the measured articles are added on top of the remembered ones. Run from
 * {@code enrich/} after {@code test-compile}:
 * <pre>
 * ../mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.newswatch.enrich.story.StoryLookupBench [sizes...]
 * </pre>
 * Not a test: it only prints numbers.
 */
public final class StoryLookupBench {

    private static final int MEASURED = 2_000;

    private StoryLookupBench() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {1_000, 10_000, 50_000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int remembered : sizes) {
            // All remembered articles inside one 72 h window, then the measured ones on top.
            List<StorySignature> all = GeneratedSignatures.generate(remembered + MEASURED, 7, 60);
            StoryIndex index = new StoryIndex(StoryIndex.DEFAULT_WINDOW, StoryIndex.Backing.NONE);
            long fillStart = System.nanoTime();
            for (int i = 0; i < remembered; i++) {
                index.assign(all.get(i));
            }
            long fillNanos = System.nanoTime() - fillStart;
            long compared = 0;
            for (int i = remembered; i < all.size(); i++) {
                compared += index.candidateCount(all.get(i));
            }
            long start = System.nanoTime();
            for (int i = remembered; i < all.size(); i++) {
                index.assign(all.get(i));
            }
            long nanos = System.nanoTime() - start;
            System.out.printf(Locale.ROOT, "remembered %6d: %8.1f µs/article, %.1f candidates/article (next %d articles;"
                    + " filling took %d ms)%n", remembered, nanos / 1_000.0 / MEASURED, (double) compared / MEASURED,
                    MEASURED, fillNanos / 1_000_000);
        }
    }
}
