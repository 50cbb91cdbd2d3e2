package dev.dnsflip.reports;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes report files so that a reader (or a crash) never sees a half-written one.
 *
 * <p>{@link #publish} writes a whole report set into a fresh staging directory beside its target
 * and swaps it in by renames, so a reader sees the old set, briefly none, then the new set, never
 * a mix. The leftovers of a write that was killed (staging and replaced directories, temp files)
 * are removed by the next write. {@link #writeAtomically} writes single files into a shared
 * directory, each through a temp file renamed into place.
 */
public final class ReportFiles {
  private static final String STAGING = ".staging-";
  private static final String REPLACED = ".replaced-";

  private ReportFiles() {}

  /**
   * Publishes {@code nameToContent} (UTF-8) as the whole content of {@code dir}, a directory of the
   * report set's own: it may hold only files of the set (an earlier run's) and leftovers of an
   * interrupted write, so a mistaken {@code --out} never deletes anything else.
   */
  public static void publish(Path dir, Map<String, String> nameToContent) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (parent == null) {
      throw new FileSystemException(dir.toString(), null, "the file system root cannot hold a report set");
    }
    Map<Path, String> files = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : nameToContent.entrySet()) {
      files.put(target(target, e.getKey()), e.getValue());
    }
    Files.createDirectories(parent);
    String name = target.getFileName().toString();
    removeLeftovers(parent, "." + name + STAGING, "." + name + REPLACED);
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      requireOwnDirectory(target, nameToContent.keySet());
    }
    Path staging = parent.resolve("." + name + STAGING + suffix());
    Files.createDirectory(staging);
    try {
      for (Map.Entry<Path, String> e : files.entrySet()) {
        try (FileChannel channel = FileChannel.open(staging.resolve(e.getKey().getFileName()),
            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          write(channel, e.getValue());
        }
      }
      if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        return;
      }
      Path replaced = parent.resolve("." + name + REPLACED + suffix());
      Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        Files.move(replaced, target, StandardCopyOption.ATOMIC_MOVE); // put the old set back
        throw e;
      }
      deleteTree(replaced);
    } catch (IOException | RuntimeException e) {
      if (Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
        try {
          deleteTree(staging);
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  /**
   * Refuses, before any work, a {@code dir} that {@link #publish} would refuse: one that exists and
   * is no directory, or holds files other than {@code names}.
   */
  public static void checkPublishable(Path dir, java.util.Set<String> names) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      requireOwnDirectory(target, names);
    }
  }

  /** An existing report directory holds only the set's files and hidden leftovers, else it is not ours to replace. */
  private static void requireOwnDirectory(Path target, java.util.Set<String> names) throws IOException {
    if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(target.toString(), null, "it exists and is not a directory");
    }
    List<String> others = new ArrayList<>();
    try (var entries = Files.list(target)) {
      entries.map(p -> p.getFileName().toString())
          .filter(n -> !names.contains(n) && !(n.startsWith(".") && n.endsWith(".tmp")))
          .sorted().forEach(others::add);
    }
    if (!others.isEmpty()) {
      throw new FileSystemException(target.toString(), null, "it holds other files (" + String.join(", ",
          others.subList(0, Math.min(5, others.size()))) + (others.size() > 5 ? ", ..." : "")
          + "); a report set needs a directory of its own");
    }
  }

  /** Staging and replaced directories a killed write left beside the target. */
  private static void removeLeftovers(Path parent, String... prefixes) throws IOException {
    List<Path> leftovers = new ArrayList<>();
    try (var entries = Files.list(parent)) {
      entries.filter(p -> {
        String n = p.getFileName().toString();
        for (String prefix : prefixes) {
          if (n.startsWith(prefix)) {
            return true;
          }
        }
        return false;
      }).forEach(leftovers::add);
    }
    for (Path p : leftovers) {
      deleteTree(p);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      try (var entries = Files.list(root)) {
        for (Path p : (Iterable<Path>) entries::iterator) {
          deleteTree(p);
        }
      }
    }
    Files.deleteIfExists(root);
  }

  private static String suffix() {
    return Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
  }

  /** Writes {@code nameToContent} (UTF-8) into {@code dir}, in the map's iteration order. */
  public static void writeAtomically(Path dir, Map<String, String> nameToContent) throws IOException {
    Map<Path, String> targets = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : nameToContent.entrySet()) {
      targets.put(target(dir, e.getKey()), e.getValue());
    }
    Files.createDirectories(dir);
    removeStaleTemps(dir, nameToContent.keySet());
    List<Path> temps = new ArrayList<>();
    List<Path> created = new ArrayList<>();
    try {
      // Refuse before writing anything what would surely fail at the rename, so the common
      // failure (a directory in the way) changes nothing at all.
      for (Path target : targets.keySet()) {
        if (Files.isDirectory(target)) {
          throw new FileSystemException(target.toString(), null, "is a directory");
        }
      }
      for (Map.Entry<Path, String> e : targets.entrySet()) {
        temps.add(writeTemp(dir, e.getKey(), e.getValue()));
      }
      int i = 0;
      for (Path target : targets.keySet()) {
        boolean existed = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        move(temps.get(i), target);
        temps.set(i, null);
        if (!existed) {
          created.add(target);
        }
        i++;
      }
    } catch (IOException | RuntimeException e) {
      for (Path p : temps) {
        deleteQuietly(p, e);
      }
      for (Path p : created) {
        deleteQuietly(p, e);
      }
      throw e;
    }
  }

  /** Temp files of these names that an interrupted write left behind ({@code .NAME.*.tmp}). */
  private static void removeStaleTemps(Path dir, java.util.Set<String> names) throws IOException {
    List<Path> stale = new ArrayList<>();
    try (var entries = Files.list(dir)) {
      entries.filter(p -> {
        String n = p.getFileName().toString();
        return n.endsWith(".tmp") && names.stream().anyMatch(name -> n.startsWith("." + name + "."));
      }).forEach(stale::add);
    }
    for (Path p : stale) {
      Files.deleteIfExists(p);
    }
  }

  /** A name must stay inside {@code dir}: "../x" or "a/b" is a caller's bug, not a file to write. */
  private static Path target(Path dir, String name) {
    Path path = dir.getFileSystem().getPath(name);
    if (path.isAbsolute() || path.getNameCount() != 1 || !path.toString().equals(name)
        || name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("not a plain file name: \"" + name + "\"");
    }
    return dir.resolve(path);
  }

  /**
   * A fresh hidden file beside the target. Not Files.createTempFile: its owner-only permissions
   * would carry over to the report; CREATE_NEW with the process umask gives the usual ones.
   */
  private static Path writeTemp(Path dir, Path target, String content) throws IOException {
    while (true) {
      Path temp = dir.resolve("." + target.getFileName() + "." + suffix() + ".tmp");
      FileChannel channel;
      try {
        channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException taken) {
        continue; // another writer's temp file: draw another name
      }
      try (channel) {
        write(channel, content);
      } catch (IOException | RuntimeException e) {
        deleteQuietly(temp, e);
        throw e;
      }
      return temp;
    }
  }

  private static void write(FileChannel channel, String content) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    // Data on disk before the rename, or a crash could leave the new name on empty content.
    channel.force(true);
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path path, Exception cause) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException suppressed) {
      cause.addSuppressed(suppressed);
    }
  }
}
