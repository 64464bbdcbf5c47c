import { mkdirSync } from "node:fs";
import path from "node:path";
import { acquireLock, type Lock } from "../fs/lock.ts";

/**
 * The locks of the commands that write: a build holds its archive, its site folder and its
 * cache folder; an import holds its archive. A second command on any of them stops at once,
 * naming the one at work (src/lib/fs/lock.ts).
 */

/** The lock of an archive folder: a file inside it (ignored by git, see .gitignore). */
export function archiveLockFile(archiveDir: string): string {
  return path.join(archiveDir, ".archive.lock");
}

/** The lock of a site folder: beside it, since a build replaces the folder itself. */
export function siteLockFile(siteDir: string): string {
  const resolved = path.resolve(siteDir);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}.lock`);
}

/** Takes the archive's lock for a command that writes it or reads it whole. */
export function lockArchive(archiveDir: string): Lock {
  return acquireLock(archiveLockFile(archiveDir), `The archive ${shown(archiveDir)}`);
}

/** Takes a site folder's lock for a command that replaces it. */
export function lockSite(siteDir: string): Lock {
  return acquireLock(siteLockFile(siteDir), `The site folder ${shown(siteDir)}`);
}

/** Takes every lock a build needs; on failure, releases those it took. */
export function lockBuild(places: { archiveDir: string; siteDir: string; cacheDir: string }): Lock[] {
  const wanted: [string, string][] = [
    [archiveLockFile(places.archiveDir), `The archive ${shown(places.archiveDir)}`],
    [siteLockFile(places.siteDir), `The site folder ${shown(places.siteDir)}`],
    [path.join(places.cacheDir, "build.lock"), `The build cache ${shown(places.cacheDir)}`],
  ];
  const taken: Lock[] = [];
  try {
    for (const [file, what] of wanted) {
      mkdirSync(path.dirname(file), { recursive: true });
      taken.push(acquireLock(file, what));
    }
  } catch (error) {
    for (const lock of taken) lock.release();
    throw error;
  }
  return taken;
}

function shown(dir: string): string {
  const relative = path.relative(process.cwd(), path.resolve(dir));
  return `${relative === "" || relative.startsWith("..") ? path.resolve(dir) : relative}/`;
}
