package fr.secondevie.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of processes and of their threads, read from {@code /proc} (Linux): {@code utime +
 * stime} in clock ticks. Thread names are the kernel's ({@code comm}, 15 characters: the JVM sets
 * them from the Java thread names, so {@code engine-processor} reads {@code engine-processo}), and
 * include the JVM's own threads (GC, JIT compilers) that {@code ThreadMXBean} does not show.
 */
final class ProcCpu {

  /** Clock ticks per second of {@code /proc} times (USER_HZ, 100 on Linux x86-64). */
  static final long TICKS_PER_SECOND = ticksPerSecond();

  private ProcCpu() {}

  /** CPU time of a whole process (every thread it ever had), in ms; -1 when it is gone. */
  static long processMillis(long pid) {
    return ticksToMillis(ticks(Path.of("/proc", "" + pid, "stat")));
  }

  /** CPU time per live thread of a process: thread id → (name, ms). */
  static Map<Long, ThreadCpu> threads(long pid) {
    Map<Long, ThreadCpu> threads = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", "" + pid, "task"))) {
      tasks.forEach(
          task -> {
            long ticks = ticks(task.resolve("stat"));
            if (ticks >= 0) {
              String name = read(task.resolve("comm")).strip();
              threads.put(
                  Long.parseLong(task.getFileName().toString()),
                  new ThreadCpu(name, ticksToMillis(ticks)));
            }
          });
    } catch (IOException e) {
      // the process is gone
    }
    return threads;
  }

  /** A thread's name and CPU time. */
  record ThreadCpu(String name, long millis) {}

  private static long ticks(Path stat) {
    String text = read(stat);
    if (text.isEmpty()) {
      return -1;
    }
    // Fields after the command (which may hold spaces) in parentheses: state is field 3,
    // utime 14, stime 15.
    String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static long ticksToMillis(long ticks) {
    return ticks < 0 ? -1 : ticks * 1000 / TICKS_PER_SECOND;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  private static long ticksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
      String out = new String(getconf.getInputStream().readAllBytes()).strip();
      getconf.waitFor();
      return Long.parseLong(out);
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
