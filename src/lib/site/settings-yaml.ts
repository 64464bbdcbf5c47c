import { isNode, LineCounter, parseDocument } from "yaml";

/** A settings file's YAML as read: its data, and the line of any path in it. */
export interface SettingsYaml {
  data: unknown;
  /** The line of the node at a path, or of its nearest existing parent (a missing field has no line of its own). */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/**
 * Reads the YAML of an archive's settings file (a byte-order mark allowed, duplicate keys
 * refused). Malformed YAML gives its problems as a maintainer reads them, one a line:
 * `line 3: malformed YAML: …`.
 */
export function readSettingsYaml(text: string): SettingsYaml | { problems: string[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ""), { uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => {
        const line = error.linePos?.[0]?.line;
        const reason = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
        return `${line === undefined ? "" : `line ${line}: `}malformed YAML: ${reason}`;
      }),
    };
  }
  return {
    data: doc.toJS(),
    lineOf(path) {
      for (let length = path.length; length > 0; length--) {
        const node: unknown = doc.getIn(path.slice(0, length), true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return undefined;
    },
  };
}
