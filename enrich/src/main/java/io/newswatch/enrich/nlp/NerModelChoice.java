package io.newswatch.enrich.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which English name finder to use: {@code fast} (IXA CoNLL-2003 Brown-cluster model, 1.5 MB),
 * {@code accurate} (IXA CoNLL-2003 model with Brown, Clark and word2vec clusters, 37 MB),
 * {@code ensemble} (both: the accurate model's names plus those only the fast one finds), or the
 * path of any OpenNLP {@code TokenNameFinderModel} file.
 */
public record NerModelChoice(String name, Path file) {

    public static final NerModelChoice FAST = new NerModelChoice("fast", null);
    public static final NerModelChoice ACCURATE = new NerModelChoice("accurate", null);
    /** The accurate model, with the names only the fast one finds added where they overlap none of its own. */
    public static final NerModelChoice ENSEMBLE = new NerModelChoice("ensemble", null);

    public static NerModelChoice parse(String value) {
        String v = value.strip();
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "fast", "brown", "small" -> FAST;
            case "accurate", "clusters", "large" -> ACCURATE;
            case "ensemble" -> ENSEMBLE;
            default -> new NerModelChoice(v, Path.of(v));
        };
    }

    public InputStream open() throws IOException {
        if (file != null) {
            return Files.newInputStream(file);
        }
        String resource = name.equals("accurate") || name.equals("ensemble") ? "/en-light-clusters-conll03.bin"
                : "/en-brown-conll03.bin";
        InputStream in = NerModelChoice.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("bundled NER model " + resource + " is missing from the classpath");
        }
        return in;
    }

    /** The second model of an ensemble, or null. */
    public NerModelChoice second() {
        return file == null && name.equals("ensemble") ? FAST : null;
    }

    @Override
    public String toString() {
        return file == null ? name : file.toString();
    }
}
