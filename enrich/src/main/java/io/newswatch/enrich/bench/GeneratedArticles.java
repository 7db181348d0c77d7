package io.newswatch.enrich.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.newswatch.articles.ArticleIds;
import io.newswatch.schemas.Origin;
import io.newswatch.schemas.RawArticle;
import io.newswatch.schemas.Source;

/**
 * Realistic-looking news articles for benchmarks: 12–20 sentences of wire-style prose with people,
 * organisations and places, reproducible from a seed.
 */
public final class GeneratedArticles {

    private static final String[] FIRST = {"James", "Maria", "Ahmed", "Olga", "Daniel", "Priya", "Thomas", "Fatima",
            "Lucas", "Hannah", "Kenji", "Grace", "Samuel", "Elena", "Omar", "Sophie", "Victor", "Aisha"};
    private static final String[] LAST = {"Carter", "Novak", "Haddad", "Ivanova", "Moreno", "Sharma", "Keller",
            "Okafor", "Lindqvist", "Brennan", "Tanaka", "Mensah", "Rossi", "Dubois", "Nakamura", "Walsh", "Petrov"};
    private static final String[] ROLES = {"Finance Minister", "police spokesman", "chief executive", "Senator",
            "Foreign Secretary", "union leader", "Mayor", "professor of economics", "coach"};
    private static final String[] ORGS = {"the European Commission", "Reuters", "the World Bank", "Siemens",
            "the Red Cross", "Barclays", "the United Nations", "Toyota", "the Labour Party", "Amnesty International",
            "the Federal Reserve", "Interpol", "Google", "the International Monetary Fund"};
    private static final String[] PLACES = {"London", "Paris", "Berlin", "Nairobi", "Tokyo", "Madrid", "Chicago",
            "Istanbul", "Sydney", "Warsaw", "Cairo", "Mumbai", "Toronto", "Lagos", "Brussels", "Manchester"};
    private static final String[] SUBJECTS = {"the new budget", "the border dispute", "the factory closure",
            "the flood defences", "the transport strike", "the trade agreement", "the hospital reforms",
            "the election results", "the corruption inquiry", "the energy prices"};
    private static final String[] TEMPLATES = {
            "%P, the %R, said on %D that %S would be reviewed before the end of the year.",
            "Speaking in %L, %P told reporters that %O had not been consulted about %S.",
            "%O said in a statement that it was monitoring the situation in %L closely.",
            "Critics of %S, including %P, argue that the plans will hurt families in %L.",
            "\"We will not accept any deal that ignores the people of %L,\" %P said.",
            "Officials from %O are expected to travel to %L next week for further talks.",
            "According to figures published by %O, the number of complaints rose by %N percent last year.",
            "%P, who has led the %R office since %Y, declined to comment on %S.",
            "Shares in %O fell %N percent in early trading in %L after the announcement.",
            "Protesters gathered outside the offices of %O in %L on %D evening.",
            "The decision was welcomed by %P, who called it a first step towards fixing %S.",
            "Analysts at %O said the impact on %L could last for several years.",
            "%P met representatives of %O in %L to discuss %S and other issues.",
            "It is the first time since %Y that %O has intervened so directly in %L.",
            "Police in %L said they were investigating reports of damage near the offices of %O."};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    private GeneratedArticles() {
    }

    public static List<RawArticle> generate(int count, long seed) {
        Random random = new Random(seed);
        List<RawArticle> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String person = pick(random, FIRST) + " " + pick(random, LAST);
            String place = pick(random, PLACES);
            String subject = pick(random, SUBJECTS);
            String title = capitalise(subject.substring(4)) + " row deepens in " + place + " as " + person + " speaks out";
            StringBuilder text = new StringBuilder();
            int sentences = 12 + random.nextInt(9);
            for (int s = 0; s < sentences; s++) {
                String p = random.nextInt(3) == 0 ? pick(random, FIRST) + " " + pick(random, LAST)
                        : random.nextBoolean() ? person : person.substring(person.indexOf(' ') + 1);
                String sentence = pick(random, TEMPLATES)
                        .replace("%P", p).replace("%R", pick(random, ROLES)).replace("%O", pick(random, ORGS))
                        .replace("%L", random.nextInt(3) == 0 ? pick(random, PLACES) : place)
                        .replace("%S", random.nextInt(3) == 0 ? pick(random, SUBJECTS) : subject)
                        .replace("%D", pick(random, DAYS)).replace("%N", String.valueOf(2 + random.nextInt(30)))
                        .replace("%Y", String.valueOf(1995 + random.nextInt(25)));
                text.append(capitalise(sentence));
                text.append(s % 3 == 2 ? "\n\n" : " ");
            }
            String body = text.toString().strip();
            String hash = ArticleIds.contentHash(title, body);
            articles.add(RawArticle.newBuilder().setId("gen-" + i).setSource(new Source("Generated", null, null, List.of()))
                    .setOrigin(Origin.FILE).setTitle(title).setText(body)
                    .setPublishedAt(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(600L * i))
                    .setFetchedAt(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(600L * i))
                    .setContentHash(hash).setAttributes(Map.of()).build());
        }
        return articles;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
