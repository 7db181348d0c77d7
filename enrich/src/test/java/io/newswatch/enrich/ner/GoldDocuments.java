package io.newswatch.enrich.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;

/**
 * Text with known names: lines of plain text in which each name is written {@code [TYPE text]}
 * (PER, ORG, LOC, MISC), documents separated by a line of {@code =====}.
 */
public final class GoldDocuments {

    /** One gold name: its line in the document and its character offsets within that line. */
    public record Name(String type, int line, int start, int end, String text) {
    }

    /** One document: its lines without the annotations, and its names. */
    public record Document(List<String> lines, List<Name> names) {
    }

    private static final Pattern NAME = Pattern.compile("\\[(PER|ORG|LOC|MISC)\\s+([^\\[\\]]+?)\\]");

    private GoldDocuments() {
    }

    public static List<Document> parse(String content) {
        List<Document> docs = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<Name> names = new ArrayList<>();
        for (String raw : content.replace("\r\n", "\n").split("\n", -1)) {
            if (raw.strip().startsWith("=====")) {
                if (!lines.isEmpty()) {
                    docs.add(new Document(List.copyOf(lines), List.copyOf(names)));
                }
                lines.clear();
                names.clear();
                continue;
            }
            if (raw.isBlank() || raw.startsWith("#")) {
                continue;
            }
            String line = raw.replaceAll("\\s+", " ").strip();
            StringBuilder plain = new StringBuilder();
            Matcher m = NAME.matcher(line);
            int last = 0;
            while (m.find()) {
                plain.append(line, last, m.start());
                int start = plain.length();
                plain.append(m.group(2));
                names.add(new Name(m.group(1), lines.size(), start, plain.length(), m.group(2)));
                last = m.end();
            }
            plain.append(line.substring(last));
            lines.add(plain.toString());
        }
        if (!lines.isEmpty()) {
            docs.add(new Document(List.copyOf(lines), List.copyOf(names)));
        }
        return docs;
    }

    /**
     * The VOA sentences of the OpenNLP test data (tokenised, {@code <START:person> … <END>}) as one
     * document of raw text, one sentence per line, with spaces removed where news text has none
     * ("U . S ." → "U.S.", "country ' s" → "country's", no space before punctuation).
     */
    public static Document fromNameSamples(List<String> sampleLines) throws java.io.IOException {
        List<String> lines = new ArrayList<>();
        List<Name> names = new ArrayList<>();
        for (String sampleLine : sampleLines) {
            if (sampleLine.isBlank()) {
                continue;
            }
            NameSample sample = NameSample.parse(sampleLine, false);
            String[] tokens = sample.getSentence();
            StringBuilder text = new StringBuilder();
            int[] starts = new int[tokens.length];
            int[] ends = new int[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                String t = tokens[i];
                String prev = i == 0 ? null : tokens[i - 1];
                boolean glue = prev != null && (t.matches("[,.;:?!)%]") || t.equals("'") && i + 1 < tokens.length
                        && tokens[i + 1].equals("s") || t.equals("s") && prev.equals("'")
                        || prev.equals("(") || prev.equals("$")
                        || prev.matches("\\p{Lu}") && t.equals(".") || prev.equals(".") && t.matches("\\p{Lu}")
                                && i >= 2 && tokens[i - 2].matches("\\p{Lu}"));
                if (t.equals(".") && prev != null && prev.equals(".")) {
                    glue = true;
                }
                if (text.length() > 0 && !glue) {
                    text.append(' ');
                }
                starts[i] = text.length();
                text.append(t);
                ends[i] = text.length();
            }
            for (Span s : sample.getNames()) {
                String type = switch (s.getType().toLowerCase(Locale.ROOT)) {
                    case "person" -> "PER";
                    case "location" -> "LOC";
                    case "organization" -> "ORG";
                    default -> null;
                };
                if (type != null) {
                    int start = starts[s.getStart()];
                    int end = ends[s.getEnd() - 1];
                    names.add(new Name(type, lines.size(), start, end, text.substring(start, end)));
                }
            }
            lines.add(text.toString());
        }
        return new Document(lines, names);
    }
}
