package io.newswatch.enrich.story;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Immutable, insertion-ordered term weights and entity names in plain arrays, with the strings
 * interned. The story index keeps one signature per article of its window in memory; as hash
 * maps and sets with their own copies of common words they cost several kilobytes each.
 */
final class CompactNames {

    private CompactNames() {
    }

    static Map<String, Float> terms(Map<String, Float> terms) {
        if (terms instanceof Terms) {
            return terms;
        }
        String[] keys = new String[terms.size()];
        float[] weights = new float[keys.length];
        int i = 0;
        for (Map.Entry<String, Float> e : terms.entrySet()) {
            keys[i] = e.getKey().intern();
            weights[i] = e.getValue();
            i++;
        }
        return new Terms(keys, weights);
    }

    static Set<String> names(Set<String> names) {
        if (names instanceof Names) {
            return names;
        }
        String[] values = new String[names.size()];
        int i = 0;
        for (String n : names) {
            values[i++] = n.intern();
        }
        return new Names(values);
    }

    private static int indexOf(String[] values, Object value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value || values[i].equals(value)) {
                return i;
            }
        }
        return -1;
    }

    private static final class Terms extends AbstractMap<String, Float> {
        private final String[] keys;
        private final float[] weights;

        Terms(String[] keys, float[] weights) {
            this.keys = keys;
            this.weights = weights;
        }

        @Override
        public Float get(Object key) {
            int i = indexOf(keys, key);
            return i < 0 ? null : weights[i];
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(keys, key) >= 0;
        }

        @Override
        public int size() {
            return keys.length;
        }

        @Override
        public Set<Map.Entry<String, Float>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, Float>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < keys.length;
                        }

                        @Override
                        public Map.Entry<String, Float> next() {
                            if (next >= keys.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new AbstractMap.SimpleImmutableEntry<>(keys[i], weights[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return keys.length;
                }
            };
        }
    }

    private static final class Names extends AbstractSet<String> {
        private final String[] values;

        Names(String[] values) {
            this.values = values;
        }

        @Override
        public boolean contains(Object o) {
            return indexOf(values, o) >= 0;
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.asList(values).iterator();
        }

        @Override
        public int size() {
            return values.length;
        }
    }
}
