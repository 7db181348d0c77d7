package io.newswatch.enrich.embed;

/** Turns a short text into a unit-length vector; similar meanings give a high dot product. Thread-safe. */
public interface SentenceEmbedder {

    /** The embedding of {@code text}, L2-normalised, {@link #dimension()} long. */
    float[] embed(String text);

    int dimension();

    /** Which model this is, e.g. its Maven coordinates. */
    String name();

    /** Dot product of two vectors of the same length (the cosine for unit vectors). */
    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** {@code v} scaled to unit length, in place; a zero vector is left as it is. */
    static float[] normalise(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
        }
        return v;
    }
}
