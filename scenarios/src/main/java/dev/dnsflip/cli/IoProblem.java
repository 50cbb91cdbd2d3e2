package dev.dnsflip.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * An I/O failure in words a user can act on: what could not be done, to which path, and why
 * (permission denied, exists, is a directory, no space left). Java's own messages often hold only
 * the path, which says where but not why.
 */
final class IoProblem {
  private IoProblem() {}

  /** "cannot write the report to out/x: permission denied (out/x/report.json)". */
  static UserError of(String action, Path path, IOException e) {
    String reason = reason(e);
    // The failing file is worth naming only when it is not the path already named.
    String self = " (" + path.toAbsolutePath().normalize() + ")";
    String given = " (" + path + ")";
    if (reason.endsWith(self) || reason.endsWith(given)) {
      reason = reason.substring(0, reason.lastIndexOf(" ("));
    }
    return new UserError("cannot " + action + " " + path + ": " + reason);
  }

  static String reason(IOException e) {
    String file = e instanceof FileSystemException f && f.getFile() != null ? " (" + f.getFile() + ")" : "";
    if (e instanceof AccessDeniedException) {
      return "permission denied" + file;
    }
    if (e instanceof FileAlreadyExistsException) {
      return "it exists and is not a directory" + file;
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory" + file;
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory" + file;
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "a directory that is not empty is in the way" + file;
    }
    String message = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
    if (message != null && message.contains("No space left")) {
      return "no space left on the device" + file;
    }
    if (message != null && message.contains("Is a directory")) {
      return "is a directory" + file;
    }
    return (message == null ? e.getClass().getSimpleName() : message) + file;
  }
}
