import { readFileSync } from "node:fs";

/** The generated place data (src/lib/entities/data/places.json, npm run data:places). */
export interface PlacesFile {
  about: string[];
  /** [GB/T 2260 code, official name]: provinces (2 digits), prefectures (4), counties (6). */
  divisions: [string, string][];
  /** Chinese names of countries and territories (ISO 3166). */
  countries: string[];
}

let cached: PlacesFile | undefined;

/** The generated place data, read once per process. */
export function placesFile(): PlacesFile {
  cached ??= JSON.parse(readFileSync(new URL("./data/places.json", import.meta.url), "utf8")) as PlacesFile;
  return cached;
}
