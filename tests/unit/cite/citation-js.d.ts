// citation-js ships no type declarations; these cover the part the read-back test uses.
declare module "@citation-js/core" {
  /** A CSL-JSON item as citation-js reads it (variables vary by type, so left open). */
  export type CslData = Record<string, unknown>;
  export class Cite {
    constructor(data: unknown);
    static async(input: string): Promise<Cite>;
    /** Formats the items, for "citation" with `entry`: citation items with their locators. */
    format(kind: string, options?: Record<string, unknown>): string;
    data: CslData[];
  }
}
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
declare module "@citation-js/plugin-csl";
