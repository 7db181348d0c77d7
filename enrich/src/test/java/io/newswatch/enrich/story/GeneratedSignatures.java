package io.newswatch.enrich.story;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Story signatures of generated articles, without NLP: events with their own words and people,
 * reported as copies (a few words changed), as paraphrases (same people, other words) or alone.
 * Entity names share first and last words across events, as real names do.
 */
final class GeneratedSignatures {

    private static final long HOUR = 3_600_000L;

    private GeneratedSignatures() {
    }

    /** {@code count} signatures in arrival order, spread over {@code hours} hours. */
    static List<StorySignature> generate(int count, long seed, int hours) {
        Random random = new Random(seed);
        List<Event> events = new ArrayList<>();
        List<StorySignature> out = new ArrayList<>(count);
        long start = 1_700_000_000_000L;
        for (int i = 0; i < count; i++) {
            long fetched = start + (long) ((double) i / count * hours * HOUR);
            Event event;
            if (events.isEmpty() || random.nextInt(3) == 0) {
                event = Event.random(random);
                events.add(event);
            } else {
                // Recent events get most follow-ups.
                int back = Math.min(events.size(), 1 + random.nextInt(200));
                event = events.get(events.size() - back);
            }
            List<String> words = event.writeUp(random);
            List<String> title = words.subList(0, 8);
            long published = random.nextInt(10) == 0 ? StorySignature.UNKNOWN : fetched - random.nextInt(3) * HOUR;
            // A few without text: an empty MinHash, only their entities can match.
            int[] minHash = StorySignatures.minHash(random.nextInt(100) == 0 ? List.of() : words);
            out.add(new StorySignature("a" + i, "a" + i, published, fetched, minHash,
                    StorySignatures.terms(title, words.subList(8, words.size())), event.mentioned(random)));
        }
        return out;
    }

    private record Event(List<String> words, List<String> entities) {

        static Event random(Random random) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                words.add(word(random, random.nextInt(4) == 0 ? 50 : 20_000));
            }
            List<String> entities = new ArrayList<>();
            for (int i = 0; i < 3 + random.nextInt(5); i++) {
                entities.add(random.nextBoolean() ? "p" + random.nextInt(300) + " q" + random.nextInt(500)
                        : "org" + random.nextInt(3_000));
            }
            return new Event(words, entities);
        }

        /** A copy with some words replaced, or a paraphrase: other words around the same key terms. */
        List<String> writeUp(Random random) {
            List<String> text = new ArrayList<>(words);
            double changed = random.nextInt(2) == 0 ? 0.05 + random.nextDouble() * 0.2 : 0.6 + random.nextDouble() * 0.4;
            for (int i = 0; i < text.size(); i++) {
                if (random.nextDouble() < changed) {
                    text.set(i, word(random, 20_000));
                }
            }
            return text;
        }

        Set<String> mentioned(Random random) {
            Set<String> names = new LinkedHashSet<>();
            for (String e : entities) {
                if (random.nextInt(4) != 0) {
                    names.add(e);
                }
            }
            if (random.nextInt(3) == 0) {
                names.add("p" + random.nextInt(300) + " q" + random.nextInt(500));
            }
            return names;
        }

        private static String word(Random random, int vocabulary) {
            return "w" + Integer.toString(random.nextInt(vocabulary), 36);
        }
    }
}
