import type { Script } from "../article/schema.ts";
import { strings, type StringKey } from "../../i18n/strings.ts";
import type { Facet } from "./facets.ts";
import type { Group } from "./groups.ts";
import type { BrowseIndex } from "./index.ts";

/** The interface string naming each facet (the same words as the article page's metadata table). */
export const FACET_LABEL: Record<Facet, StringKey> = {
  sources: "source",
  sections: "section",
  persons: "persons",
  places: "places",
  organizations: "organizations",
  topics: "topics",
  issuers: "issuers",
  "document-types": "documentType",
  statuses: "status",
};

/** The name of a group as shown in a script (see valueLabel for statuses). */
export function groupName(index: BrowseIndex, group: Group, script: Script): string {
  return group.facet === "statuses" ? valueLabel(group.facet, group.key, script) : index.label(group, script);
}

/** A facet value as shown: a status is a code (in_force) shown by its interface name; other values as they are. */
export function valueLabel(facet: Facet, value: string, script: Script): string {
  if (facet !== "statuses") return value;
  const key = `status_${value}`;
  const t = strings(script);
  return key in t ? t[key as StringKey] : value;
}

/** A year (2022) or month (2022-09) as Chinese text: 2022年, 2022年09月. */
export function periodLabel(period: string): string {
  const [year, month] = period.split("-");
  return month === undefined ? `${year}年` : `${year}年${month}月`;
}
