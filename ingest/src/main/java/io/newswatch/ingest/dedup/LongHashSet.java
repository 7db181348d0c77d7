package io.newswatch.ingest.dedup;

import java.util.Arrays;

/** An open-addressing set of non-zero longs: 8 bytes a slot, kept at most half full (16 bytes an entry). */
final class LongHashSet {

    private long[] slots;
    private int size;

    LongHashSet(int expected) {
        int capacity = 16;
        while (capacity < expected * 2) {
            capacity <<= 1;
        }
        slots = new long[capacity];
    }

    boolean contains(long key) {
        long[] s = slots;
        int mask = s.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (s[i] == 0) {
                return false;
            }
            if (s[i] == key) {
                return true;
            }
        }
    }

    /** Adds {@code key} (must not be 0); returns false if it was there. */
    boolean add(long key) {
        if ((size + 1) * 2L > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == 0) {
                slots[i] = key;
                size++;
                return true;
            }
            if (slots[i] == key) {
                return false;
            }
        }
    }

    int size() {
        return size;
    }

    long bytes() {
        return slots.length * 8L;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        Arrays.stream(old).filter(k -> k != 0).forEach(this::add);
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
