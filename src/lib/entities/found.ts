import { ENTITY_KINDS, type EntityKind, type FoundEntities } from "./types.ts";

/**
 * The kinds of name (persons, places, organizations) the build found in an article's text
 * because its front matter lists none; the loader adds them to the stored article as
 * `found`, beside the names themselves.
 */
export function foundKinds(meta: object): readonly EntityKind[] {
  const value = (meta as { found?: unknown }).found;
  return Array.isArray(value) ? ENTITY_KINDS.filter((kind) => value.includes(kind)) : [];
}

/** The kinds an article's front matter leaves to the finder: those it does not list. */
export function kindsToFind(meta: { [kind in EntityKind]?: readonly string[] | undefined }): EntityKind[] {
  return ENTITY_KINDS.filter((kind) => meta[kind] === undefined);
}

/**
 * An article's front matter with the names found filled in where it lists none (front
 * matter always wins), and `found` naming the kinds filled in. Kinds with nothing found
 * stay absent.
 */
export function withFound<T extends object>(meta: T, found: FoundEntities): T & { found?: EntityKind[] } {
  const kinds = kindsToFind(meta as { [kind in EntityKind]?: readonly string[] }).filter(
    (kind) => found[kind].length > 0,
  );
  if (kinds.length === 0) return meta;
  const filled = { ...meta, found: kinds } as Record<string, unknown>;
  for (const kind of kinds) filled[kind] = found[kind];
  return filled as T & { found?: EntityKind[] };
}

/** The front matter as written: the names found and the `found` mark taken out. */
export function withoutFound<T extends object>(meta: T): T {
  const kinds = foundKinds(meta);
  if (kinds.length === 0 && !("found" in meta)) return meta;
  const written = { ...meta } as Record<string, unknown>;
  for (const kind of kinds) delete written[kind];
  delete written["found"];
  return written as T;
}
