package io.newswatch.alerts.match;

import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Picks the watch-lists an article could satisfy (its candidates) by looking its terms up in an
 * inverted map, without running any query. Each watch-list is filed under its rarest requirement
 * (see {@link CandidateKeys}): it is a candidate only if the article has one of that
 * requirement's keys. A watch-list with a second requirement is also filed under it, and must
 * then have a key of both (two passes cut the false candidates of conjunctions several times).
 * Cost per article: one hash look-up per distinct word, per short prefix of it, per entity and
 * per topic, independent of the number of watch-lists.
 */
final class CandidateIndex {

    /** Postings hold {@code ordinal * 2 + pass}: pass 0 = first requirement, 1 = second. */
    private final Map<CandidateKeys.Kind, Map<BytesRef, int[]>> postings = new EnumMap<>(CandidateKeys.Kind.class);
    /** Watch-lists with a single requirement: the second pass lets them through. */
    private final FixedBitSet singlePass;
    private final int size;
    private final boolean[] prefixLengths = new boolean[CandidateKeys.MAX_PREFIX + 1];

    /** {@code requirements.get(i)} are the requirements of watch-list {@code i}, rarest first, at least one. */
    CandidateIndex(List<List<CandidateKeys.Requirement>> requirements) {
        this.size = requirements.size();
        this.singlePass = new FixedBitSet(Math.max(1, size));
        Map<CandidateKeys.Kind, Map<BytesRef, IntList>> building = new EnumMap<>(CandidateKeys.Kind.class);
        for (int i = 0; i < size; i++) {
            List<CandidateKeys.Requirement> r = requirements.get(i);
            if (r.isEmpty()) {
                throw new IllegalArgumentException("watch-list " + i + " has no requirement");
            }
            file(building, r.get(0), i * 2);
            if (r.size() > 1 && !r.get(1).keys().equals(r.get(0).keys())) {
                file(building, r.get(1), i * 2 + 1);
            } else {
                singlePass.set(i);
            }
        }
        building.forEach((kind, map) -> {
            Map<BytesRef, int[]> frozen = new HashMap<>(map.size() * 4 / 3 + 1);
            map.forEach((term, list) -> frozen.put(term, list.toArray()));
            postings.put(kind, frozen);
        });
        for (CandidateKeys.Kind kind : CandidateKeys.Kind.values()) {
            postings.putIfAbsent(kind, Map.of());
        }
        for (BytesRef prefix : postings.get(CandidateKeys.Kind.PREFIX).keySet()) {
            prefixLengths[prefix.length] = true;
        }
    }

    private void file(Map<CandidateKeys.Kind, Map<BytesRef, IntList>> building, CandidateKeys.Requirement r, int entry) {
        for (CandidateKeys.Key k : r.keys()) {
            if (k.kind() == CandidateKeys.Kind.PREFIX) {
                prefixLengths[k.bytes().length] = true;
            }
            IntList list = building.computeIfAbsent(k.kind(), x -> new HashMap<>()).computeIfAbsent(k.bytes(), x -> new IntList());
            if (list.size == 0 || list.last() != entry) {
                list.add(entry);
            }
        }
    }

    int size() {
        return size;
    }

    /** The candidates for an article indexed in {@code reader} (a one-document index of {@link ArticleFields}). */
    FixedBitSet candidates(LeafReader reader) throws IOException {
        FixedBitSet first = new FixedBitSet(Math.max(1, size));
        FixedBitSet second = singlePass.clone();
        Map<BytesRef, int[]> words = postings.get(CandidateKeys.Kind.WORD);
        Map<BytesRef, int[]> prefixes = postings.get(CandidateKeys.Kind.PREFIX);
        BytesRef slice = new BytesRef();
        Terms text = reader.terms(ArticleFields.TEXT);
        if (text != null) {
            TermsEnum terms = text.iterator();
            for (BytesRef term = terms.next(); term != null; term = terms.next()) {
                mark(words.get(term), first, second);
                if (!prefixes.isEmpty()) {
                    slice.bytes = term.bytes;
                    slice.offset = term.offset;
                    for (int n = CandidateKeys.MIN_PREFIX; n <= Math.min(term.length, CandidateKeys.MAX_PREFIX); n++) {
                        if (prefixLengths[n]) {
                            slice.length = n;
                            mark(prefixes.get(slice), first, second);
                        }
                    }
                }
            }
        }
        markAll(reader, ArticleFields.ENTITY, postings.get(CandidateKeys.Kind.ENTITY), first, second);
        markAll(reader, ArticleFields.TOPIC, postings.get(CandidateKeys.Kind.TOPIC), first, second);
        first.and(second);
        return first;
    }

    private static void markAll(LeafReader reader, String field, Map<BytesRef, int[]> map, FixedBitSet first,
            FixedBitSet second) throws IOException {
        Terms terms = reader.terms(field);
        if (terms == null || map.isEmpty()) {
            return;
        }
        TermsEnum it = terms.iterator();
        for (BytesRef term = it.next(); term != null; term = it.next()) {
            mark(map.get(term), first, second);
        }
    }

    private static void mark(int[] entries, FixedBitSet first, FixedBitSet second) {
        if (entries == null) {
            return;
        }
        for (int e : entries) {
            ((e & 1) == 0 ? first : second).set(e >>> 1);
        }
    }

    /** A growable int array (postings are built once, then frozen). */
    private static final class IntList {
        int[] values = new int[2];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int last() {
            return values[size - 1];
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
