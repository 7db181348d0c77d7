package io.newswatch.enrich.ner;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.newswatch.articles.TextArticleFile;
import io.newswatch.enrich.EnrichCommand;
import io.newswatch.schemas.RawArticle;
import picocli.CommandLine;

/**
 * Named entities measured the way a user meets them: each gold document is written as a plain-text
 * article (one line per sentence or paragraph, the first line the title), run through
 * {@code newswatch enrich --in}, and the mentions of the printed entities are compared with the gold
 * names: exact span and type, persons, organisations and locations (MISC is not scored, but a
 * person, organisation or location where the gold has none, or a span too long or too short, is an
 * error).
 */
public final class PipelineNerEvaluation {

    public static final List<String> TYPES = List.of("PER", "ORG", "LOC");

    /** Counts per type ({tp, fp, fn}) and the distinct gold entities found. */
    public static final class Scores {
        public final Map<String, int[]> counts = new LinkedHashMap<>();
        public int goldEntities;
        public int goldEntitiesFound;
        public final List<String> errors = new ArrayList<>();

        Scores() {
            TYPES.forEach(t -> counts.put(t, new int[3]));
        }

        public double[] prf(String type) {
            int[] c = new int[3];
            if (type == null) {
                counts.values().forEach(x -> {
                    for (int i = 0; i < 3; i++) {
                        c[i] += x[i];
                    }
                });
            } else {
                System.arraycopy(counts.get(type), 0, c, 0, 3);
            }
            double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
            double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
            return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
        }

        public double f1() {
            return prf(null)[2];
        }

        public double entityRecall() {
            return goldEntities == 0 ? 0 : (double) goldEntitiesFound / goldEntities;
        }

        public String table(String label) {
            StringBuilder s = new StringBuilder(label).append('\n');
            for (String t : TYPES) {
                line(s, t, prf(t), counts.get(t));
            }
            int[] all = new int[3];
            counts.values().forEach(x -> {
                for (int i = 0; i < 3; i++) {
                    all[i] += x[i];
                }
            });
            line(s, "ALL", prf(null), all);
            s.append(String.format(Locale.ROOT, "  gold entities found (per document, exact span and type once): %d / %d = %.3f%n",
                    goldEntitiesFound, goldEntities, entityRecall()));
            return s.toString();
        }

        private static void line(StringBuilder s, String type, double[] prf, int[] c) {
            s.append(String.format(Locale.ROOT, "  %-4s P %.3f  R %.3f  F1 %.3f  (tp %d, fp %d, fn %d)%n", type, prf[0],
                    prf[1], prf[2], c[0], c[1], c[2]));
        }
    }

    private record Found(String type, int line, int start, int end, String text) {
    }

    private PipelineNerEvaluation() {
    }

    /** Runs {@code enrich --in} over the documents with the extra command-line {@code options}. */
    public static Scores evaluate(List<GoldDocuments.Document> docs, Path workDir, String... options) throws IOException {
        Path in = workDir.resolve("in");
        Files.createDirectories(in);
        Map<String, Integer> docByArticleId = new HashMap<>();
        Map<String, RawArticle> articles = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            Path file = in.resolve(String.format(Locale.ROOT, "%05d.txt", i));
            Files.writeString(file, String.join("\n", docs.get(i).lines()) + "\n", StandardCharsets.UTF_8);
            RawArticle a = TextArticleFile.read(file, "files", Instant.EPOCH);
            docByArticleId.put(a.getId(), i);
            articles.put(a.getId(), a);
        }
        Path out = workDir.resolve("out.jsonl");
        List<String> args = new ArrayList<>(List.of("--in", in.toString(), "--out", out.toString()));
        args.addAll(List.of(options));
        StringWriter err = new StringWriter();
        int code = new CommandLine(new EnrichCommand()).setErr(new PrintWriter(err)).execute(args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("enrich --in failed (" + code + "): " + err);
        }
        Scores scores = new Scores();
        ObjectMapper json = new ObjectMapper();
        Set<Integer> seen = new HashSet<>();
        for (String outLine : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            JsonNode o = json.readTree(outLine);
            Integer d = docByArticleId.get(o.get("id").asText());
            if (d == null || !seen.add(d)) {
                continue;
            }
            RawArticle a = articles.get(o.get("id").asText());
            LineMap lines = new LineMap(a, docs.get(d).lines());
            Set<Found> predicted = new HashSet<>();
            for (JsonNode e : o.get("entities")) {
                String type = switch (e.get("type").asText()) {
                    case "PERSON" -> "PER";
                    case "ORGANIZATION" -> "ORG";
                    case "LOCATION" -> "LOC";
                    default -> null;
                };
                if (type == null) {
                    continue;
                }
                for (JsonNode m : e.get("mentions")) {
                    Found f = lines.locate(type, m.get("field").asText(), m.get("start").asInt(), m.get("end").asInt(),
                            m.get("text").asText());
                    if (f != null) {
                        predicted.add(f);
                    }
                }
            }
            score(docs.get(d), predicted, scores, d);
        }
        for (int d = 0; d < docs.size(); d++) {
            if (!seen.contains(d)) {
                score(docs.get(d), Set.of(), scores, d);
            }
        }
        return scores;
    }

    private static void score(GoldDocuments.Document doc, Set<Found> predicted, Scores scores, int d) {
        Set<Found> gold = new HashSet<>();
        Map<String, Boolean> entities = new LinkedHashMap<>();
        for (GoldDocuments.Name n : doc.names()) {
            if (TYPES.contains(n.type())) {
                Found g = new Found(n.type(), n.line(), n.start(), n.end(), n.text());
                gold.add(g);
                entities.merge(n.type() + ":" + n.text().toLowerCase(Locale.ROOT), predicted.contains(g), Boolean::logicalOr);
            }
        }
        for (Found p : predicted) {
            if (gold.contains(p)) {
                scores.counts.get(p.type())[0]++;
            } else {
                scores.counts.get(p.type())[1]++;
                scores.errors.add("doc " + d + " line " + p.line() + ": extra " + p.type() + " '" + p.text() + "'   | "
                        + context(doc, p.line()));
            }
        }
        for (Found g : gold) {
            if (!predicted.contains(g)) {
                scores.counts.get(g.type())[2]++;
                scores.errors.add("doc " + d + " line " + g.line() + ": missed " + g.type() + " '" + g.text() + "'   | "
                        + context(doc, g.line()));
            }
        }
        scores.goldEntities += entities.size();
        scores.goldEntitiesFound += (int) entities.values().stream().filter(b -> b).count();
    }

    private static String context(GoldDocuments.Document doc, int line) {
        String l = doc.lines().get(line);
        return l.length() > 140 ? l.substring(0, 140) + "…" : l;
    }

    /** Where each line of the gold document ended up in the article's title or text. */
    private static final class LineMap {
        /** field, start offset in the field, gold line index. */
        private final List<Object[]> segments = new ArrayList<>();

        LineMap(RawArticle a, List<String> goldLines) {
            int next = 0;
            next = add("TITLE", a.getTitle(), 0, goldLines, next);
            String text = a.getText();
            int from = 0;
            while (from <= text.length()) {
                int to = text.indexOf("\n\n", from);
                if (to < 0) {
                    to = text.length();
                }
                next = add("TEXT", text.substring(from, to), from, goldLines, next);
                from = to + 2;
            }
        }

        private int add(String field, String segment, int offset, List<String> goldLines, int next) {
            for (int g = next; g < goldLines.size(); g++) {
                if (goldLines.get(g).strip().equals(segment.strip())) {
                    int lead = segment.indexOf(goldLines.get(g).strip());
                    segments.add(new Object[] {field, offset + Math.max(0, lead), g, segment.length()});
                    return g + 1;
                }
            }
            return next;
        }

        Found locate(String type, String field, int start, int end, String text) {
            for (Object[] s : segments) {
                int base = (int) s[1];
                if (s[0].equals(field) && start >= base && start < base + (int) s[3]) {
                    return new Found(type, (int) s[2], start - base, end - base, text);
                }
            }
            return null;
        }
    }
}
