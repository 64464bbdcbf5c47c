import type { KnownNames } from "../script/names.ts";
import { createConverter } from "../script/converter.ts";
import { TO_HANS, TO_HANT } from "../script/direction.ts";
import type { Script } from "../article/schema.ts";
import { canonicalEntities } from "./canonical.ts";
import type { EntityCorrections } from "./corrections.ts";
import { createFinder, type EntityFinder } from "./finder.ts";
import { plainText } from "./text.ts";
import type { FoundEntities } from "./types.ts";

export { canonicalEntities, canonicalName } from "./canonical.ts";
export {
  ENTITY_CORRECTIONS_FILE,
  EntityCorrectionsError,
  entityCorrectionsPath,
  loadEntityCorrections,
  NO_CORRECTIONS,
  parseEntityCorrections,
  type EntityCorrections,
} from "./corrections.ts";
export { createFinder, type EntityFinder } from "./finder.ts";
export { placeAncestors, placeGazetteer } from "./places.ts";
export { plainText } from "./text.ts";
export { ENTITY_KINDS, type EntityKind, type FoundEntities, type Mention } from "./types.ts";

/**
 * Finds the names in an article's Markdown body, in either script: Traditional text is
 * read in Simplified (one key for both scripts) and the names given back in the
 * article's own script, each kind in the order of first appearance.
 */
export function findInArticle(
  finder: EntityFinder,
  markdown: string,
  script: Script,
  corrections?: EntityCorrections,
): FoundEntities {
  const text = plainText(markdown);
  const simplified = script === "hant" ? createConverter(TO_HANS).convert(text) : text;
  const found = canonicalEntities(finder.find(simplified), corrections);
  if (script === "hans") return found;
  const toHant = createConverter(TO_HANT);
  // Each name is written back as a name of its kind (a surname, 里 in a place).
  const back = (kind: keyof KnownNames, names: string[]) => [
    ...new Set(names.map((name) => toHant.withNames({ [kind]: [name] }).convert(name))),
  ];
  return {
    persons: back("persons", found.persons),
    places: back("places", found.places),
    organizations: back("organizations", found.organizations),
  };
}

let shared: { key: EntityCorrections | undefined; finder: EntityFinder } | undefined;

/** One finder per process for a set of corrections (building it loads jieba's dictionary). */
export function sharedFinder(corrections?: EntityCorrections): EntityFinder {
  if (!shared || shared.key !== corrections) shared = { key: corrections, finder: createFinder(corrections) };
  return shared.finder;
}
export { foundKinds, kindsToFind, withFound, withoutFound } from "./found.ts";
export { EntityCache } from "./cache.ts";
export { FoundSummary } from "./summary.ts";
