package dev.fraiseql.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

/** Reads CPU time used so far by this JVM, by one process and by every PostgreSQL process, from /proc. */
final class CpuClock {

    /** Linux reports times in clock ticks of 1/100 s on every kernel this runs on. */
    private static final double SECONDS_PER_TICK = 0.01;

    private CpuClock() {
    }

    /** CPU seconds (user + system) of this JVM. */
    static double jvmSeconds() {
        return processSeconds(ProcessHandle.current().pid(), false);
    }

    /** CPU seconds (user + system) of all PostgreSQL processes, including backends that have exited. */
    static double postgresSeconds() {
        return sumOver(pid -> {
            try {
                String comm = Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
                return comm.equals("postgres") || comm.equals("postmaster");
            } catch (IOException gone) {
                // the process ended between listing and reading
                return false;
            }
        });
    }

    /** CPU seconds of every process the predicate picks, its exited children included. */
    private static double sumOver(LongPredicate counted) {
        double total = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit) && counted.test(Long.parseLong(name))) {
                    total += processSeconds(Long.parseLong(name), true);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc", e);
        }
        return total;
    }

    /** CPU seconds (user + system) of one process, 0 once it has ended. */
    static double processSeconds(long pid) {
        return processSeconds(pid, false);
    }

    /**
     * CPU seconds of one PostgreSQL server: its postmaster, the backends it runs and those that have exited. Other
     * servers on the machine (a test suite's, say) are left out; with a negative pid, every PostgreSQL process counts.
     */
    static double postgresSeconds(long postmaster) {
        if (postmaster < 0) {
            return postgresSeconds();
        }
        return sumOver(pid -> pid == postmaster || parent(pid) == postmaster);
    }

    /** The parent of a process, or -1 once it has ended. */
    static long parent(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException e) {
            return -1;
        }
    }

    private static double processSeconds(long pid, boolean withChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": f[0] is state (field 3), so utime (field 14) is f[11]
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (withChildren) {
                ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return ticks * SECONDS_PER_TICK;
        } catch (IOException e) {
            return 0;
        }
    }
}
