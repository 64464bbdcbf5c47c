import data from "./data/places.json" with { type: "json" };

/** The generated place data (src/lib/entities/data/places.json, npm run data:places). */
export interface PlacesFile {
  about: string[];
  /** [GB/T 2260 code, official name]: provinces (2 digits), prefectures (4), counties (6). */
  divisions: [string, string][];
  /** Chinese names of countries and territories (ISO 3166). */
  countries: string[];
}

/** The generated place data (imported, so that bundled pages carry it). */
export function placesFile(): PlacesFile {
  return data as PlacesFile;
}
