import { existsSync, mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import { emptyAtLowPriority, removeDetached } from "./empty-folder.ts";

/**
 * A site folder replaced whole: a build writes the new site into a staging folder beside
 * the published one and, once everything is written, swaps the two with two renames one
 * right after the other. Until then the published folder stays the last good site, search
 * included; a build stopped at any point leaves it as it was. All three folders share the
 * published folder's parent, so every rename stays on one disk.
 */
export interface StagedSite {
  /** The folder readers are served from (dist/). */
  published: string;
  /** Where the build writes (.dist.staging/). */
  staging: string;
  /** The published site, for the moment between the two renames of a swap (.dist.previous/). */
  previous: string;
  /** What is being removed: the replaced site, an interrupted build's staging (.dist.trash/). */
  trash: string;
}

/** The staging, previous and trash folders of a published site folder. */
export function stagedSite(published: string): StagedSite {
  const resolved = path.resolve(published);
  const beside = (role: string) => path.join(path.dirname(resolved), `.${path.basename(resolved)}.${role}`);
  return { published: resolved, staging: beside("staging"), previous: beside("previous"), trash: beside("trash") };
}

/**
 * Makes an empty staging folder. Puts the published site back if a build was stopped
 * between the two renames of its swap, and sets aside what an interrupted build left in the
 * staging folder. Returns the removal of everything set aside, which runs at low priority
 * beside the build.
 */
export function prepareStaging(site: StagedSite): Promise<void> {
  if (!existsSync(site.published) && existsSync(site.previous)) renameSync(site.previous, site.published);
  setAside(site, site.previous);
  setAside(site, site.staging);
  mkdirSync(site.staging, { recursive: true });
  return emptyAtLowPriority(site.trash);
}

/** Replaces the published folder with the staging folder; the replaced site is removed in the background. */
export function publishStaging(site: StagedSite): void {
  if (existsSync(site.published)) renameSync(site.published, site.previous);
  renameSync(site.staging, site.published);
  const replaced = setAside(site, site.previous);
  if (replaced) removeDetached(replaced);
}

/** Moves a folder into the trash under a name of its own; returns where it went, if it was there. */
function setAside(site: StagedSite, folder: string): string | undefined {
  if (!existsSync(folder)) return undefined;
  mkdirSync(site.trash, { recursive: true });
  const to = path.join(site.trash, `${process.pid}-${Date.now()}-${path.basename(folder)}`);
  renameSync(folder, to);
  return to;
}
