import { readdirSync, readlinkSync, realpathSync, statSync, type Dirent } from "node:fs";
import path from "node:path";

/** A file found in the archive's articles folder. */
export interface ArchiveFile {
  /** Its path under the articles folder, with "/" separators, as listed (through links inside the archive). */
  relative: string;
  /** The same path, absolute. */
  absolute: string;
  /** The file itself, with every link resolved: what is read, without following links again. */
  real: string;
}

/** A file or folder of the articles folder that is not read, and why. */
export interface RefusedEntry {
  absolute: string;
  message: string;
}

/**
 * Lists the files under an articles folder, sorted. Symbolic links are followed only where
 * they resolve inside the archive folder: a link to a file or folder outside it (the build
 * machine's /etc/passwd, /proc/self/environ, a file in $HOME), a broken link and a loop of
 * links are refused, so an archive that takes contributions cannot publish what a link points
 * at. Devices, sockets and pipes are refused too.
 */
export function listArchiveFiles(
  articlesDir: string,
  archiveDir: string,
): { files: ArchiveFile[]; refused: RefusedEntry[] } {
  const archiveReal = realpathSync(archiveDir);
  const files: ArchiveFile[] = [];
  const refused: RefusedEntry[] = [];
  const visited = new Set<string>();
  const walk = (dir: string, prefix: string): void => {
    const entries: Dirent[] = readdirSync(dir, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const absolute = path.join(dir, entry.name);
      const relative = prefix + entry.name;
      let real = absolute;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const resolved = resolveLink(absolute, archiveReal);
        if ("message" in resolved) {
          refused.push({ absolute, message: resolved.message });
          continue;
        }
        real = resolved.real;
        isDirectory = resolved.isDirectory;
        isFile = resolved.isFile;
      }
      if (isDirectory) {
        const key = realpathSync(real);
        if (visited.has(key)) continue;
        visited.add(key);
        walk(absolute, `${relative}/`);
      } else if (isFile) {
        files.push({ relative, absolute, real });
      } else {
        refused.push({
          absolute,
          message:
            "not a regular file (a device, socket or pipe): only Markdown files and their attachments belong here",
        });
      }
    }
  };
  let articlesReal: string;
  try {
    articlesReal = realpathSync(articlesDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { files, refused };
    throw error;
  }
  if (!isInside(articlesReal, archiveReal)) {
    refused.push({ absolute: articlesDir, message: outsideMessage(articlesReal) });
    return { files, refused };
  }
  visited.add(articlesReal);
  walk(articlesDir, "");
  return { files, refused };
}

function resolveLink(
  link: string,
  archiveReal: string,
): { real: string; isDirectory: boolean; isFile: boolean } | { message: string } {
  let real: string;
  try {
    real = realpathSync(link);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP") return { message: "a symbolic link in a loop of links: remove it" };
    if (code === "ENOENT") {
      return { message: `a broken symbolic link (to ${readlinkSync(link)}): remove it, or put the file itself here` };
    }
    throw error;
  }
  if (!isInside(real, archiveReal)) return { message: outsideMessage(real) };
  const stats = statSync(real);
  return { real, isDirectory: stats.isDirectory(), isFile: stats.isFile() };
}

function isInside(real: string, archiveReal: string): boolean {
  return real === archiveReal || real.startsWith(`${archiveReal}${path.sep}`);
}

function outsideMessage(real: string): string {
  return (
    `a symbolic link to ${real}, outside the archive: a link may only point inside the archive folder, ` +
    "so that nothing from outside it is published; copy the file into the archive instead"
  );
}
