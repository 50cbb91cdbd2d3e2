package dev.dnsflip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** I/O failures say why, not only where. */
class IoProblemTest {
  @Test
  void eachKindOfFailureSaysWhy() {
    Path out = Path.of("/x/ro/o");
    assertThat(IoProblem.of("write the report to", out, new AccessDeniedException("/x/ro/o")).getMessage())
        .isEqualTo("cannot write the report to /x/ro/o: permission denied");
    assertThat(IoProblem.of("write the report to", out, new AccessDeniedException("/x/ro/o/report.json"))
        .getMessage()).isEqualTo("cannot write the report to /x/ro/o: permission denied (/x/ro/o/report.json)");
    assertThat(IoProblem.reason(new FileAlreadyExistsException("/x/f"))).isEqualTo("it exists and is not a directory (/x/f)");
    assertThat(IoProblem.reason(new NotDirectoryException("/x/f"))).isEqualTo("not a directory (/x/f)");
    assertThat(IoProblem.reason(new NoSuchFileException("/x/none"))).isEqualTo("no such file or directory (/x/none)");
    assertThat(IoProblem.reason(new FileSystemException("/x/f", null, "No space left on device")))
        .isEqualTo("no space left on the device (/x/f)");
    assertThat(IoProblem.reason(new FileSystemException("/x/d", null, "Is a directory")))
        .isEqualTo("is a directory (/x/d)");
    assertThat(IoProblem.reason(new IOException())).isEqualTo("IOException");
  }
}
