/** What the reference finder needs to know of a document in the archive. */
export interface ReferableDocument {
  id: string;
  title: string;
  /** The day the version was published (YYYY-MM-DD). */
  day: string;
  /** The day the version took effect, when stated; it decides which version is in force. */
  effective?: string | undefined;
  supersedes?: string | undefined;
  /** The script it is written in (hans, hant), when known: short titles are looked up within one script. */
  script?: string | undefined;
}

/** A reference found in a text: a span to link, and where it leads. */
export interface Reference {
  /** Offsets of the span in the text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
  /** "document": a 《》 title; "clause": 第十二条 after a title or after 本法. */
  kind: "document" | "clause";
  /** The id of the document linked to; the citing article's own id for 本法第十二条. */
  target: string;
  /** The clause's anchor (art-12), for clause references. */
  anchor?: string;
}

/** Resolves titles to the archive's documents and knows their clause anchors. */
export interface ReferenceResolver {
  /**
   * The id of the version of the document named by a title that was in force on `day`;
   * undefined when the title names no document, or several and `anchor` (the clause cited
   * with the title) does not tell them apart. `script` is the citing text's: a short title
   * names a document in that script only.
   */
  resolve(title: string, day: string, anchor?: string, script?: string): string | undefined;
  /** Whether a version had taken effect by `day`: its clause numbers are those a text of that day cites. */
  inForceOn(id: string, day: string): boolean;
  /** Whether a document has a clause with this anchor (art-12). */
  hasAnchor(id: string, anchor: string): boolean;
}
