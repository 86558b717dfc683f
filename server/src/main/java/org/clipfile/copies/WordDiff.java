package org.clipfile.copies;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A word-level difference between two texts (Myers' O(ND) algorithm): what a copy dropped, added or rephrased. Copies
 * differ in few words, so the work is small; texts differing in more than {@link #MAX_EDITS} words are reported as
 * such without the details (a bound on time and memory for any input).
 */
public final class WordDiff {
    static final int MAX_EDITS = 500;
    static final int MAX_CHANGES_SHOWN = 20;

    private WordDiff() {}

    /** One run of changed words: {@code removed} from the first text replaced by {@code added} in the second. */
    public record Change(String removed, String added) {}

    /**
     * @param wordsRemoved words of the first text not in the second
     * @param wordsAdded words of the second text not in the first
     * @param changes the runs of changes, at most {@link #MAX_CHANGES_SHOWN}
     * @param complete false when the texts differ too much for the details
     */
    public record Result(@JsonProperty("words_removed") int wordsRemoved, @JsonProperty("words_added") int wordsAdded,
            List<Change> changes, boolean complete) {}

    public static Result of(String first, String second) {
        String[] a = first.strip().split("\\s+");
        String[] b = second.strip().split("\\s+");
        if (first.isBlank()) {
            a = new String[0];
        }
        if (second.isBlank()) {
            b = new String[0];
        }
        int n = a.length;
        int m = b.length;
        int max = Math.min(n + m, MAX_EDITS);
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1]
                        : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[x].equals(b[y])) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        if (found < 0) {
            return new Result(n, m, List.of(), false);
        }
        // Walk back through the trace: each step is one removed (x-1) or one added (y-1) word.
        boolean[] removed = new boolean[n];
        boolean[] added = new boolean[m];
        int x = n;
        int y = m;
        for (int d = found; d > 0; d--) {
            int[] previous = trace.get(d);
            int k = x - y;
            int prevK = (k == -d || (k != d && previous[offset + k - 1] < previous[offset + k + 1])) ? k + 1 : k - 1;
            int prevX = previous[offset + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                x--;
                y--;
            }
            if (x == prevX) {
                added[prevY] = true;
            } else {
                removed[prevX] = true;
            }
            x = prevX;
            y = prevY;
        }
        return new Result(count(removed), count(added), runs(a, b, removed, added), true);
    }

    private static int count(boolean[] flags) {
        int c = 0;
        for (boolean f : flags) {
            if (f) {
                c++;
            }
        }
        return c;
    }

    /** Groups adjacent changes: a removed run and the added run at the same place form one change. */
    private static List<Change> runs(String[] a, String[] b, boolean[] removed, boolean[] added) {
        List<Change> changes = new ArrayList<>();
        int i = 0;
        int j = 0;
        while ((i < a.length || j < b.length) && changes.size() < MAX_CHANGES_SHOWN) {
            if (i < a.length && j < b.length && !removed[i] && !added[j]) {
                i++;
                j++;
                continue;
            }
            int startI = i;
            int startJ = j;
            while (i < a.length && removed[i]) {
                i++;
            }
            while (j < b.length && added[j]) {
                j++;
            }
            if (startI == i && startJ == j) {
                // Only one side has words left: they are all changes.
                if (i < a.length) {
                    i++;
                } else {
                    j++;
                }
            }
            changes.add(new Change(String.join(" ", Arrays.copyOfRange(a, startI, i)),
                    String.join(" ", Arrays.copyOfRange(b, startJ, j))));
        }
        return List.copyOf(changes);
    }
}
