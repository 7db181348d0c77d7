package io.newswatch.standalone.chaos;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A generated archive whose alerts are known in advance. Every watch-list looks for one invented
 * code word that appears nowhere else; an article carries each code word with a small probability,
 * so the alerts a correct pipeline must give are exactly the (watch-list, article) pairs written
 * down here. The texts are random sentences over a few hundred common words: no two articles are
 * similar enough to be grouped into one story, so every article is its own story and the expected
 * alerts do not depend on the order in which articles arrive.
 */
public final class ChaosArchive {

    private static final String[] WORDS = ("the of and to in a is that for it as was with be by on not he this are or "
            + "his from at which but have an they you were her she there been one all we their has would when if so no "
            + "will more about can what out other up into do time only new some could these two may first then any like "
            + "now over such our man me even most made after also did many before must through back years where much "
            + "your way well down should because each just those people how too little state good very make world still "
            + "own see men work long get here between both life being under never day same another know while last might "
            + "us great old year off come since against go came right used take three small council river road bridge "
            + "market school police hospital water power city town village minister report plan board vote budget price "
            + "station harbour farm factory museum library court judge trial street park garden storm weather rain wind "
            + "summer winter spring autumn morning evening night week month company bank money trade export import tax "
            + "worker union strike meeting office building house family child teacher doctor nurse driver train bus car "
            + "ship plane airport border army peace talks deal agreement rule law election party leader group member "
            + "public service health care energy oil gas coal wind solar climate forest field crop harvest food bread "
            + "milk fish beef sport match team player goal season club coach fans stadium music film book art theatre")
            .split(" ");

    /** What the archive holds: its files, the watch-lists, and which watch-lists must alert on which article URL. */
    public record Archive(List<Path> files, Path watchlists, int articles, Map<String, Set<String>> expectedByUrl,
            Map<String, String> teamTopics, Map<Path, Set<String>> alertingUrlsByFile) {

        /** (topic, watch-list id, article url) of every alert a correct pipeline writes, on every alert topic. */
        public Set<AlertCheck.Expected> expectedAlerts(String alertsTopic) {
            Set<AlertCheck.Expected> all = new HashSet<>();
            expectedByUrl.forEach((url, watchlists) -> {
                for (String w : watchlists) {
                    all.add(new AlertCheck.Expected(alertsTopic, w, url));
                    String team = teamTopics.get(w);
                    if (team != null) {
                        all.add(new AlertCheck.Expected(team, w, url));
                    }
                }
            });
            return all;
        }

        /** The URLs of the articles in {@code file} that must alert (empty for a file with none). */
        public Set<String> alertingUrls(Path file) {
            return alertingUrlsByFile.getOrDefault(file, Set.of());
        }

        public long silentArticles() {
            return articles - expectedByUrl.size();
        }
    }

    private ChaosArchive() {
    }

    /**
     * Writes {@code articles} articles, {@code perFile} to a {@code .jsonl} file, into {@code dir},
     * and the watch-lists into {@code dir/../watchlists.yaml}; {@code teamTopics} of the watch-lists
     * also write to a topic of their own.
     */
    public static Archive generate(Path dir, int articles, int perFile, int watchlistCount, double alertRate,
            int teamTopics, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        List<String> codes = new ArrayList<>();
        Map<String, String> teams = new LinkedHashMap<>();
        StringBuilder yaml = new StringBuilder("watchlists:\n");
        for (int w = 0; w < watchlistCount; w++) {
            String code = codeWord(w);
            codes.add(code);
            String id = "chaos-" + w;
            yaml.append("  - id: ").append(id).append('\n')
                    .append("    name: Chaos watch-list ").append(w).append('\n')
                    .append("    severity: ").append(w % 3 == 0 ? "high" : "medium").append('\n');
            if (w < teamTopics) {
                String topic = "alerts.chaos-team-" + w;
                teams.put(id, topic);
                yaml.append("    topic: ").append(topic).append('\n');
            }
            yaml.append("    match:\n      any:\n        - term: ").append(code).append('\n');
        }
        Path watchlists = dir.resolveSibling("watchlists.yaml");
        Files.writeString(watchlists, yaml, StandardCharsets.UTF_8);

        ObjectMapper json = new ObjectMapper();
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        Map<Path, Set<String>> alertingByFile = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        BufferedWriter out = null;
        try {
            for (int i = 0; i < articles; i++) {
                if (i % perFile == 0) {
                    if (out != null) {
                        out.close();
                    }
                    Path file = dir.resolve(String.format("archive-%05d.jsonl", files.size()));
                    files.add(file);
                    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                }
                String url = String.format("https://chaos.example.org/news/%06d-%08x", i, random.nextInt());
                List<String> planted = new ArrayList<>();
                Set<String> alerting = new HashSet<>();
                for (int w = 0; w < codes.size(); w++) {
                    if (random.nextDouble() < alertRate) {
                        planted.add(codes.get(w));
                        alerting.add("chaos-" + w);
                    }
                }
                if (!alerting.isEmpty()) {
                    expected.put(url, alerting);
                    alertingByFile.computeIfAbsent(files.get(files.size() - 1), f -> new HashSet<>()).add(url);
                }
                ObjectNode a = json.createObjectNode();
                a.put("id", String.format("chaos-%06d", i));
                a.put("url", url);
                a.put("title", capitalise(sentence(random, 6 + random.nextInt(5), List.of())) + " " + i);
                a.put("text", text(random, planted));
                a.put("source", "Chaos Wire");
                a.put("publishedAt", base.minusSeconds(articles - i).toString());
                a.put("language", "en");
                out.write(json.writeValueAsString(a));
                out.newLine();
            }
        } finally {
            if (out != null) {
                out.close();
            }
        }
        return new Archive(List.copyOf(files), watchlists, articles, expected, teams, alertingByFile);
    }

    /** Invented words that the sentence generator never produces. */
    static String codeWord(int n) {
        String[] syllables = {"zor", "quix", "vel", "thar", "dun", "krim", "oxa", "pell", "yst", "bram"};
        return "zq" + syllables[n % 10] + syllables[(n / 10) % 10] + "ex" + n;
    }

    private static String text(Random random, List<String> planted) {
        int sentences = 4 + random.nextInt(3);
        List<String> toPlant = new ArrayList<>(planted);
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            List<String> here = s == 1 ? toPlant : List.of();
            text.append(capitalise(sentence(random, 9 + random.nextInt(8), here))).append(". ");
        }
        return text.toString().trim();
    }

    private static String sentence(Random random, int words, List<String> extra) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            out.add(WORDS[random.nextInt(WORDS.length)]);
        }
        for (String e : extra) {
            out.add(1 + random.nextInt(out.size()), e);
        }
        return String.join(" ", out);
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
