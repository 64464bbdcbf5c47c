/** The three kinds of name the finder looks for. */
export type EntityKind = "persons" | "places" | "organizations";

export const ENTITY_KINDS: readonly EntityKind[] = ["persons", "places", "organizations"];

/** Names found in one text, each kind in the order of first appearance, each name once. */
export interface FoundEntities {
  persons: string[];
  places: string[];
  organizations: string[];
}

/** A name found at a place in the text (offsets in UTF-16 units of the Simplified text). */
export interface Mention {
  kind: EntityKind;
  /** The name under its one key (Simplified, full form: 山西 → 山西省). */
  name: string;
  start: number;
  end: number;
  /** What made the finder take it, for the check summary ("title", "gazetteer", "suffix"...). */
  evidence: string;
}

/** A place known to the finder: its key and the place it lies in. */
export interface PlaceInfo {
  name: string;
  /** The key of the division it lies in (太原市 → 山西省), when the data says so unambiguously. */
  parent?: string;
  /** GB/T 2260 level: province, prefecture, county; or country, city (abroad), region, feature. */
  level: "province" | "prefecture" | "county" | "country" | "city" | "region" | "feature";
}
