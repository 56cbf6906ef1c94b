package fr.secondevie.engine.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log kept in a durable journal file, {@code journal.log} in a data directory, so that an
 * engine started again on the same directory finds every deployment and instance where it was.
 *
 * <p>Format: text, one entry per line, {@code <crc> <json>\n}, where {@code <crc>} is the CRC32 of
 * the UTF-8 JSON text as 8 lower-case hex digits. An entry is either a record ({@code
 * {"position":…,"key":…,"valueType":…,"intent":…,"timestamp":…,"value":{…}}}, see {@link
 * JournalCodec}) or a commit ({@code {"commit":<last position>,"key":<last key handed out>}}) that
 * closes the records of one command.
 *
 * <p>Durability: records are buffered in memory while a command runs; {@link #commit} writes them
 * with their commit line in one write, and {@link #sync} forces the file to disk ({@code fsync}):
 * the engine answers a command only after the sync that covers it, and syncs once for all the
 * commands processed while others were waiting (group commit). On opening, records after the last
 * commit (a command cut by a crash) are not replayed and are cut off, with a warning naming the
 * position; so is a torn last entry. An entry that is damaged while intact entries follow it is not
 * a torn write: the journal is refused with an error naming the position, the byte offset and the
 * file.
 *
 * <p>A purge ({@link #clear}) truncates the file to a single commit line, so positions and keys
 * keep increasing. Two engines never share a journal: the store holds an OS lock on {@code
 * journal.lock} while open. Records are also kept in memory for {@link #forEach}, as {@link
 * InMemoryRecordStore} does.
 */
public final class FileRecordStore implements RecordStore {

  public static final String JOURNAL_FILE = "journal.log";
  public static final String LOCK_FILE = "journal.lock";

  private static final Logger LOG = LoggerFactory.getLogger(FileRecordStore.class);
  private static final byte[] RECORD_PREFIX = "{\"position\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] COMMIT_PREFIX = "{\"commit\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEY_FIELD = ",\"key\":".getBytes(StandardCharsets.US_ASCII);
  private static final int CRC_DIGITS = 8;
  private static final int DECODE_CHUNK = 8192;

  private final Path file;
  private final boolean fsync;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final FileChannel channel;
  private final long committedEnd;
  private final JournalCodec codec = new JournalCodec();
  private final List<Record> records = new ArrayList<>();
  private final ReadWriteLock rw = new ReentrantReadWriteLock();
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream(64 * 1024);
  private long position;
  private long committedPosition;
  private long committedKey;
  private boolean loaded;
  private boolean unsynced;

  private FileRecordStore(
      Path file, boolean fsync, FileChannel lockChannel, FileLock lock, Scan scan)
      throws IOException {
    this.file = file;
    this.fsync = fsync;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.committedEnd = scan.committedEnd;
    this.position = scan.lastPosition;
    this.committedPosition = scan.lastPosition;
    this.committedKey = scan.lastKey;
    this.channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    if (channel.size() > committedEnd) {
      channel.truncate(committedEnd);
      channel.force(true);
    }
    channel.position(committedEnd);
  }

  /** Opens (or creates) the journal of a data directory, forcing it to disk at each commit. */
  public static FileRecordStore open(Path directory) {
    return open(directory, true);
  }

  /**
   * Opens (or creates) the journal of a data directory; without {@code fsync} the records are
   * written at each commit but left to the operating system to flush (measurements only: a power
   * cut may then lose the last commands).
   */
  public static FileRecordStore open(Path directory, boolean fsync) {
    Path dir = directory.toAbsolutePath().normalize();
    FileChannel lockChannel = null;
    try {
      Files.createDirectories(dir);
      Path lockFile = dir.resolve(LOCK_FILE);
      lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new IllegalStateException(
            "Expected the journal in "
                + dir
                + " to be free but another engine has it open (it holds "
                + lockFile
                + "); stop that engine or give this one another data directory");
      }
      Path file = dir.resolve(JOURNAL_FILE);
      Scan scan = scan(file);
      return new FileRecordStore(file, fsync, lockChannel, lock, scan);
    } catch (IOException e) {
      closeQuietly(lockChannel);
      throw new UncheckedIOException("Expected to open the journal in " + dir + " but " + e, e);
    } catch (RuntimeException e) {
      closeQuietly(lockChannel);
      throw e;
    }
  }

  /** The journal file. */
  public Path file() {
    return file;
  }

  @Override
  public void load(ModelParser models) {
    rw.writeLock().lock();
    try {
      if (loaded) {
        return;
      }
      loaded = true;
      codec.models(models);
      try (LineReader lines = new LineReader(Files.newInputStream(file))) {
        List<Line> chunk = new ArrayList<>(DECODE_CHUNK);
        for (Line line; (line = lines.next()) != null && line.end <= committedEnd; ) {
          if (startsWith(line.bytes, CRC_DIGITS + 1, RECORD_PREFIX)) {
            chunk.add(line);
            if (chunk.size() == DECODE_CHUNK) {
              decode(chunk);
            }
          }
        }
        decode(chunk);
      } catch (IOException e) {
        throw new UncheckedIOException("Expected to read the journal " + file + " but " + e, e);
      }
    } finally {
      rw.writeLock().unlock();
    }
  }

  /**
   * Decodes a chunk of record lines into {@link #records}, in order. Definitions (and purges) are
   * decoded one after the other, as a deployment refers to the definitions before it; the other
   * values depend on nothing and are decoded in parallel.
   */
  private void decode(List<Line> chunk) {
    Record[] decoded = new Record[chunk.size()];
    List<Integer> independent = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      if (JournalCodec.isDefinition(chunk.get(i).bytes)) {
        decoded[i] = decode(chunk.get(i));
      } else {
        independent.add(i);
      }
    }
    independent.parallelStream().forEach(i -> decoded[i] = decode(chunk.get(i)));
    records.addAll(Arrays.asList(decoded));
    chunk.clear();
  }

  private Record decode(Line line) {
    try {
      return codec.decode(line.bytes, CRC_DIGITS + 1, line.length - CRC_DIGITS - 2);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "Expected the record at position "
              + number(line.bytes, CRC_DIGITS + 1 + RECORD_PREFIX.length)
              + " (byte offset "
              + line.offset
              + ") of the journal "
              + file
              + " to be readable but "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public long lastKey() {
    return committedKey;
  }

  @Override
  public Record append(
      long key, ValueType valueType, Intent intent, long timestamp, RecordValue value) {
    rw.writeLock().lock();
    try {
      Record record = new Record(position + 1, key, valueType, intent, timestamp, value);
      writeLine(codec.encode(record));
      position++;
      records.add(record);
      return record;
    } finally {
      rw.writeLock().unlock();
    }
  }

  @Override
  public void commit(long lastKey) {
    rw.writeLock().lock();
    try {
      if (pending.size() == 0 && lastKey == committedKey) {
        return;
      }
      writeCommitLine(position, lastKey);
      flushPending();
      committedPosition = position;
      committedKey = lastKey;
    } finally {
      rw.writeLock().unlock();
    }
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public void sync() {
    rw.writeLock().lock();
    try {
      force();
    } finally {
      rw.writeLock().unlock();
    }
  }

  private void force() {
    if (fsync && unsynced) {
      try {
        channel.force(false);
      } catch (IOException e) {
        throw new UncheckedIOException("Expected to force the journal " + file + " but " + e, e);
      }
      unsynced = false;
    }
  }

  @Override
  public void forEach(long fromPosition, Consumer<Record> consumer) {
    List<Record> snapshot;
    rw.readLock().lock();
    try {
      long first = records.isEmpty() ? 0 : records.get(0).position();
      int from = (int) Math.max(0, fromPosition - first);
      snapshot =
          from >= records.size() ? List.of() : List.copyOf(records.subList(from, records.size()));
    } finally {
      rw.readLock().unlock();
    }
    snapshot.forEach(consumer);
  }

  @Override
  public long lastPosition() {
    rw.readLock().lock();
    try {
      return position;
    } finally {
      rw.readLock().unlock();
    }
  }

  /**
   * Deletes every record: the journal is truncated to one commit line that keeps the last position
   * and key, so that they go on increasing after a restart.
   */
  @Override
  public void clear() {
    rw.writeLock().lock();
    try {
      records.clear();
      pending.reset();
      long lastKey = committedKey;
      try {
        channel.truncate(0);
        channel.position(0);
      } catch (IOException e) {
        throw new UncheckedIOException("Expected to truncate the journal " + file + " but " + e, e);
      }
      writeCommitLine(position, lastKey);
      flushPending();
      force();
      committedPosition = position;
    } finally {
      rw.writeLock().unlock();
    }
  }

  @Override
  public void close() {
    rw.writeLock().lock();
    try {
      if (pending.size() > 0) {
        LOG.warn(
            "Closing the journal {} with records of an unfinished command (positions {} to {}):"
                + " they are not kept",
            file,
            committedPosition + 1,
            position);
      }
      try {
        force();
      } catch (UncheckedIOException e) {
        LOG.warn("Could not force the journal {} to disk when closing it", file, e);
      }
      closeQuietly(channel);
      try {
        lock.release();
      } catch (IOException | RuntimeException e) {
        LOG.debug("Could not release the lock of {}", file, e);
      }
      closeQuietly(lockChannel);
    } finally {
      rw.writeLock().unlock();
    }
  }

  // ---- writing

  private void writeLine(byte[] json) {
    CRC32 crc = new CRC32();
    crc.update(json);
    pending.writeBytes(hex(crc.getValue()));
    pending.write(' ');
    pending.writeBytes(json);
    pending.write('\n');
  }

  private void writeCommitLine(long lastPosition, long lastKey) {
    writeLine(
        ("{\"commit\":" + lastPosition + ",\"key\":" + lastKey + "}")
            .getBytes(StandardCharsets.US_ASCII));
  }

  private void flushPending() {
    ByteBuffer buffer = ByteBuffer.wrap(pending.toByteArray());
    pending.reset();
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      unsynced = true;
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to write the journal " + file + " but " + e, e);
    }
  }

  private static byte[] hex(long crc) {
    byte[] digits = new byte[CRC_DIGITS];
    for (int i = CRC_DIGITS - 1; i >= 0; i--) {
      digits[i] = (byte) Character.forDigit((int) (crc & 0xf), 16);
      crc >>>= 4;
    }
    return digits;
  }

  // ---- opening: check every entry, find the last commit

  /** What opening found: the end of the last commit line, its position and key. */
  private record Scan(long committedEnd, long lastPosition, long lastKey) {}

  /** An entry that failed its checks, the first one of the tail when nothing intact follows. */
  private record Damage(long position, long offset, String problem) {}

  private static Scan scan(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new Scan(0, 0, 0);
    }
    long committedEnd = 0;
    long lastPosition = 0;
    long lastKey = 0;
    long next = -1; // the position the next record must have, -1 before the first entry
    long uncommitted = 0;
    Damage damage = null;
    try (LineReader lines = new LineReader(Files.newInputStream(file))) {
      for (Line line; (line = lines.next()) != null; ) {
        long expected = next < 0 ? lastPosition + 1 : next;
        String problem = check(line);
        long entryPosition = -1;
        boolean commit = false;
        if (problem == null) {
          commit = startsWith(line.bytes, CRC_DIGITS + 1, COMMIT_PREFIX);
          if (commit) {
            entryPosition = number(line.bytes, CRC_DIGITS + 1 + COMMIT_PREFIX.length);
            if (damage == null && next >= 0 && entryPosition != next - 1) {
              problem = "it commits position " + entryPosition + " after position " + (next - 1);
            }
          } else {
            entryPosition = number(line.bytes, CRC_DIGITS + 1 + RECORD_PREFIX.length);
            if (damage == null && next >= 0 && entryPosition != next) {
              problem = "it has position " + entryPosition;
            }
          }
        }
        if (problem != null) {
          if (damage == null) {
            damage = new Damage(expected, line.offset, problem);
          }
          continue;
        }
        if (damage != null) {
          throw new IllegalStateException(
              "Expected the entry at position "
                  + damage.position
                  + " (byte offset "
                  + damage.offset
                  + ") of the journal "
                  + file
                  + " to be intact but "
                  + damage.problem
                  + "; intact entries follow it, so it is not a write cut by a crash: restore the"
                  + " data directory from a backup, or move the journal away to start empty");
        }
        if (commit) {
          committedEnd = line.end;
          lastPosition = entryPosition;
          lastKey = keyOfCommit(line);
          next = entryPosition + 1;
          uncommitted = 0;
        } else {
          next = entryPosition + 1;
          uncommitted++;
        }
      }
    }
    long size = Files.size(file);
    if (size > committedEnd) {
      if (damage != null) {
        LOG.warn(
            "Cut the torn last entry of the journal {} at position {} (byte offset {}: {}){},"
                + " written when the engine stopped abruptly; the journal goes on from position {}",
            file,
            damage.position,
            damage.offset,
            damage.problem,
            uncommitted == 0 ? "" : " and " + uncommitted + " record(s) of its unfinished command",
            lastPosition);
      } else {
        LOG.warn(
            "Cut {} record(s) of an unfinished command at the end of the journal {} (positions {}"
                + " to {}, byte offset {}), written when the engine stopped abruptly; the journal"
                + " goes on from position {}",
            uncommitted,
            file,
            lastPosition + 1,
            lastPosition + uncommitted,
            committedEnd,
            lastPosition);
      }
    }
    return new Scan(committedEnd, lastPosition, lastKey);
  }

  /** Why an entry is not intact, or {@code null}. */
  private static String check(Line line) {
    if (!line.complete) {
      return "it ends before its end of line";
    }
    int jsonLength = line.length - CRC_DIGITS - 2;
    if (jsonLength <= 0 || line.bytes[CRC_DIGITS] != ' ') {
      return "it is not a '<crc> <json>' line";
    }
    long expectedCrc;
    try {
      expectedCrc =
          Long.parseLong(new String(line.bytes, 0, CRC_DIGITS, StandardCharsets.US_ASCII), 16);
    } catch (NumberFormatException e) {
      return "its checksum is not 8 hexadecimal digits";
    }
    CRC32 crc = new CRC32();
    crc.update(line.bytes, CRC_DIGITS + 1, jsonLength);
    if (crc.getValue() != expectedCrc) {
      return "its checksum "
          + new String(line.bytes, 0, CRC_DIGITS, StandardCharsets.US_ASCII)
          + " does not match its content ("
          + String.format("%08x", crc.getValue())
          + ")";
    }
    if (!startsWith(line.bytes, CRC_DIGITS + 1, RECORD_PREFIX)
        && !startsWith(line.bytes, CRC_DIGITS + 1, COMMIT_PREFIX)) {
      return "it is neither a record nor a commit";
    }
    return null;
  }

  private static long keyOfCommit(Line line) {
    for (int i = CRC_DIGITS + 1; i < line.length - KEY_FIELD.length; i++) {
      if (startsWith(line.bytes, i, KEY_FIELD)) {
        return number(line.bytes, i + KEY_FIELD.length);
      }
    }
    return 0;
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
    return bytes.length >= offset + prefix.length
        && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
  }

  private static long number(byte[] bytes, int offset) {
    long value = 0;
    boolean negative = offset < bytes.length && bytes[offset] == '-';
    for (int i = negative ? offset + 1 : offset; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b < '0' || b > '9') {
        break;
      }
      value = value * 10 + (b - '0');
    }
    return negative ? -value : value;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.debug("Could not close {}", closeable, e);
      }
    }
  }

  /**
   * One line of the journal: its bytes (with the end of line when complete), length, byte offset
   * and end.
   */
  private record Line(byte[] bytes, int length, long offset, long end, boolean complete) {}

  /** Splits the journal into lines without decoding them. */
  private static final class LineReader implements AutoCloseable {
    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int start;
    private int limit;
    private long offset;
    private boolean eof;

    LineReader(InputStream in) {
      this.in = in;
    }

    Line next() throws IOException {
      ByteArrayOutputStream partial = null;
      long lineOffset = offset;
      while (true) {
        for (int i = start; i < limit; i++) {
          if (buffer[i] == '\n') {
            int n = i + 1 - start;
            byte[] bytes;
            if (partial == null) {
              bytes = Arrays.copyOfRange(buffer, start, i + 1);
            } else {
              partial.write(buffer, start, n);
              bytes = partial.toByteArray();
            }
            start = i + 1;
            offset += n;
            return new Line(bytes, bytes.length, lineOffset, offset, true);
          }
        }
        if (limit > start) {
          if (partial == null) {
            partial = new ByteArrayOutputStream(2 * (limit - start));
          }
          partial.write(buffer, start, limit - start);
          offset += limit - start;
        }
        start = 0;
        limit = 0;
        if (eof) {
          if (partial == null || partial.size() == 0) {
            return null;
          }
          byte[] bytes = partial.toByteArray();
          return new Line(bytes, bytes.length, lineOffset, offset, false);
        }
        int read = in.read(buffer);
        if (read < 0) {
          eof = true;
        } else {
          limit = read;
        }
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
