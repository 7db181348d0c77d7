package io.newswatch.enrich.compat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * Loads any OpenNLP {@link TokenNameFinderModel}, including models trained with OpenNLP 1.x whose
 * feature generator descriptor uses the classic format that 2.x no longer reads (such as the IXA
 * CoNLL-2003 models): the descriptor entry is rewritten in memory, everything else is untouched.
 */
public final class CompatibleNameFinderModels {

    static final String DESCRIPTOR_ENTRY = "generator.featuregen";

    private CompatibleNameFinderModels() {
    }

    public static TokenNameFinderModel load(InputStream model) throws IOException {
        ExtensionPackages.allow();
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream(1 << 20);
        try (ZipInputStream in = new ZipInputStream(model); ZipOutputStream out = new ZipOutputStream(rewritten)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(DESCRIPTOR_ENTRY) && ClassicDescriptorConverter.isClassic(content)) {
                    content = ClassicDescriptorConverter.convert(content);
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        }
        return new TokenNameFinderModel(new ByteArrayInputStream(rewritten.toByteArray()));
    }
}
