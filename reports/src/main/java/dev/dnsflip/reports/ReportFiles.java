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
 * Writes report files so that a reader (or a crash) never sees a half-written one: every file is
 * written and synced to a temp file beside its target first, and only then renamed into place.
 * POSIX offers no rename of several files at once, so if a rename fails part-way the files this
 * call created are removed again; a file it already replaced keeps its new, complete content.
 */
public final class ReportFiles {
  private ReportFiles() {}

  /** Writes {@code nameToContent} (UTF-8) into {@code dir}, in the map's iteration order. */
  public static void writeAtomically(Path dir, Map<String, String> nameToContent) throws IOException {
    Map<Path, String> targets = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : nameToContent.entrySet()) {
      targets.put(target(dir, e.getKey()), e.getValue());
    }
    Files.createDirectories(dir);
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
      String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
      Path temp = dir.resolve("." + target.getFileName() + "." + suffix + ".tmp");
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
