package io.newswatch.alerts.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * What the news is about: a fixed population of people, organisations and set phrases
 * (collocations such as "border security"), each with a popularity (Zipf over its list: a few are
 * in the news every day, most rarely). Articles mention them by popularity; analysts watch popular
 * and obscure ones alike (uniformly). Both draw on this world, never on each other.
 */
final class World {

    static final String[] ORG_SUFFIXES = {"Group", "Holdings", "Party", "University", "Bank", "Council", "Institute",
            "Ministry", "Corporation", "Foundation", "Agency", "Airlines", "Energy", "Partners"};
    private static final long SEED = 20_261_122L;

    final List<String> people;
    final List<String> organisations;
    final List<String> collocations;
    private final double[] peoplePopularity;
    private final double[] organisationPopularity;
    private final double[] collocationPopularity;

    World(Vocabulary v, int people, int organisations, int collocations) {
        Random r = new Random(SEED);
        this.people = distinct(people, () -> Vocabulary.capitalise(v.any(r, v.firstNames)) + " "
                + Vocabulary.capitalise(v.any(r, v.surnames)));
        this.organisations = distinct(organisations, () -> {
            String name = Vocabulary.capitalise(v.zipf(r, 300, 15_000));
            if (r.nextInt(3) == 0) {
                name += " " + Vocabulary.capitalise(v.zipf(r, 300, 15_000));
            }
            return name + " " + ORG_SUFFIXES[r.nextInt(ORG_SUFFIXES.length)];
        });
        this.collocations = distinct(collocations, () -> {
            StringBuilder c = new StringBuilder(v.zipf(r, 100, 20_000));
            for (int i = r.nextInt(4) == 0 ? 2 : 1; i > 0; i--) {
                c.append(' ').append(v.zipf(r, 100, 20_000));
            }
            return c.toString();
        });
        this.peoplePopularity = Vocabulary.zipfTable(this.people.size());
        this.organisationPopularity = Vocabulary.zipfTable(this.organisations.size());
        this.collocationPopularity = Vocabulary.zipfTable(this.collocations.size());
    }

    String popularPerson(Random r) {
        return people.get(Vocabulary.zipfIndex(r, peoplePopularity));
    }

    String popularOrganisation(Random r) {
        return organisations.get(Vocabulary.zipfIndex(r, organisationPopularity));
    }

    String popularCollocation(Random r) {
        return collocations.get(Vocabulary.zipfIndex(r, collocationPopularity));
    }

    /**
     * Analysts watch names and phrases regardless of how often they are in the news (a watch-list
     * is written before the story breaks), so watch-lists draw uniformly.
     */
    String watchedPerson(Random r) {
        return people.get(r.nextInt(people.size()));
    }

    String watchedOrganisation(Random r) {
        return organisations.get(r.nextInt(organisations.size()));
    }

    String watchedCollocation(Random r) {
        return collocations.get(r.nextInt(collocations.size()));
    }

    private static List<String> distinct(int n, java.util.function.Supplier<String> make) {
        Set<String> s = new LinkedHashSet<>();
        for (int tries = 0; s.size() < n && tries < n * 5; tries++) {
            s.add(make.get());
        }
        return new ArrayList<>(s);
    }
}
