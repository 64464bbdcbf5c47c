import type { EntityCorrections } from "./corrections.ts";
import { ORGANIZATION_FORMS } from "./organizations.ts";
import { placeGazetteer } from "./places.ts";
import type { EntityKind, FoundEntities } from "./types.ts";

/**
 * The one key of a name (Simplified text): 山西 → 山西省, 国家发改委 → 国家发展和改革委员会,
 * and the maintainer's aliases. Names the finder does not know stay as they are.
 */
export function canonicalName(kind: EntityKind, name: string, corrections?: EntityCorrections): string {
  const alias = corrections?.aliases.get(name);
  if (alias) return alias;
  if (kind === "places") {
    const gazetteer = placeGazetteer();
    const counties = gazetteer.countyShortForms.get(name);
    return gazetteer.forms.get(name)?.name ?? (counties?.length === 1 ? counties[0]!.name : name);
  }
  if (kind === "organizations") return ORGANIZATION_FORMS.get(name) ?? name;
  return name;
}

/**
 * Every kind's names under their keys, each once, in their order; a foreign name's last part
 * (西米纳) goes under the full name listed with it (韦斯利·西米纳).
 */
export function canonicalEntities(found: FoundEntities, corrections?: EntityCorrections): FoundEntities {
  const keys = (kind: EntityKind): string[] => {
    const names = found[kind].map((name) => canonicalName(kind, name, corrections));
    const full = names.filter((name) => name.includes("·"));
    const merged = names.map((name) => full.find((long) => long.endsWith(`·${name}`)) ?? name);
    return [...new Set(merged)];
  };
  return { persons: keys("persons"), places: keys("places"), organizations: keys("organizations") };
}
