package dev.fraiseql.core.execution;

import java.util.Arrays;

/**
 * Paired timing of the executor against the plain JDBC loop of {@link StreamBenchmark}: the two run
 * in alternating rounds, so load from other processes on a shared machine hits both alike, and the
 * median of the per-round ratios is reported.
 *
 * <p>Run: {@code benchmarks/run.sh main dev.fraiseql.core.execution.StreamOverheadComparison}
 */
public final class StreamOverheadComparison {

    private static long sink;

    private StreamOverheadComparison() {
    }

    public static void main(String[] args) throws Exception {
        for (int rows : new int[] {10, 1000}) {
            StreamBenchmark state = new StreamBenchmark();
            state.rows = rows;
            state.setUp();
            try {
                compare(state, rows);
            } finally {
                state.tearDown();
            }
        }
        System.out.println("(checksum " + sink + ")");
    }

    private static void compare(StreamBenchmark state, int rows) throws Exception {
        RowHandler handler = bytes -> sink += bytes.length;
        int perRound = Math.max(5, 2000 / rows);
        for (int i = 0; i < 20 * perRound; i++) {
            state.executorStream(handler);
            state.plainJdbc(handler);
        }
        int rounds = 40;
        double[] ratios = new double[rounds];
        long executorNanos = 0;
        long plainNanos = 0;
        for (int r = 0; r < rounds; r++) {
            long e;
            long p;
            if (r % 2 == 0) {
                e = time(() -> state.executorStream(handler), perRound);
                p = time(() -> state.plainJdbc(handler), perRound);
            } else {
                p = time(() -> state.plainJdbc(handler), perRound);
                e = time(() -> state.executorStream(handler), perRound);
            }
            executorNanos += e;
            plainNanos += p;
            ratios[r] = (double) e / p;
        }
        Arrays.sort(ratios);
        long ops = (long) rounds * perRound;
        System.out.printf("rows=%d: executor %.1f us/op, plain JDBC %.1f us/op, median ratio %.3f "
                + "(quartiles %.3f-%.3f), difference per row %.1f ns%n", rows, executorNanos / 1e3 / ops,
                plainNanos / 1e3 / ops, ratios[rounds / 2], ratios[rounds / 4], ratios[3 * rounds / 4],
                (executorNanos - plainNanos) / (double) ops / rows);
    }

    private static long time(Op op, int times) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            op.run();
        }
        return System.nanoTime() - start;
    }

    @FunctionalInterface
    private interface Op {
        void run() throws Exception;
    }
}
