import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { glob } from "tinyglobby";

/** Every file under a folder (dot files included) with a hash of its bytes: two equal results mean byte-identical trees. */
export async function folderHashes(dir: string): Promise<Record<string, string>> {
  const files = (await glob("**/*", { cwd: dir, dot: true })).sort();
  return Object.fromEntries(
    files.map((file) => [
      file,
      createHash("sha256")
        .update(readFileSync(path.join(dir, file)))
        .digest("hex"),
    ]),
  );
}

/** The first bytes of a PNG image of the given size: enough for a reader of its header. */
export function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 6, 0, 0, 0], 24);
  return bytes;
}

/** The start of a PDF file. */
export const PDF_BYTES = new TextEncoder().encode("%PDF-1.4\n% attachment\n");
