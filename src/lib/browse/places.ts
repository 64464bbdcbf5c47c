import { placeAncestors } from "../entities/places.ts";
import type { Group } from "./groups.ts";
import type { BrowseIndex } from "./index.ts";
import { canonicalName, nameKey } from "./keys.ts";

const childrenOf = new WeakMap<BrowseIndex, Map<string, Group[]>>();

/** The places with pages that lie in a place (太原市 and 大同市 in 山西省), largest first: the places read by province. */
export function placesBelow(index: BrowseIndex, group: Group): readonly Group[] {
  if (group.facet !== "places") return [];
  let children = childrenOf.get(index);
  if (!children) {
    children = new Map();
    for (const place of index.groups("places")) {
      // Under the nearest place with a page of its own.
      const parent = placeAncestors(canonicalName(place.key))
        .map((name) => index.group("places", nameKey(name)))
        .find((found) => found !== undefined);
      if (parent) children.set(parent.key, [...(children.get(parent.key) ?? []), place]);
    }
    childrenOf.set(index, children);
  }
  return children.get(group.key) ?? [];
}

/** The places a place lies in, largest first (山西省 for 太原市), each with its group when it has a page. */
export function placesWithin(index: BrowseIndex, group: Group): { name: string; group: Group | undefined }[] {
  if (group.facet !== "places") return [];
  return placeAncestors(canonicalName(group.key))
    .reverse()
    .map((name) => ({ name, group: index.group("places", nameKey(name)) }));
}
