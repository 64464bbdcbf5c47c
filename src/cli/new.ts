import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { starterArchive } from "../lib/site/starter.ts";

const HELP = `Usage: npm run new -- <dir>

Writes a new archive into <dir> (which must not exist, or be empty): site.yaml
with the site's title, address and default script, and one article under
articles/ to copy from. Then build or check it by pointing ARCHIVE_DIR at it:

  ARCHIVE_DIR=<dir> npm run check
  ARCHIVE_DIR=<dir> npm run build

Options:
  -h, --help   show this help`;

function main(): number {
  const { values, positionals } = parseArgs({
    options: { help: { type: "boolean", short: "h" } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(HELP);
    return 2;
  }
  const dir = path.resolve(positionals[0]!);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    console.error(`${dir} is not empty: give a new folder for the archive`);
    return 1;
  }
  const files = starterArchive(new Date().toISOString().slice(0, 10));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text, { flag: "wx" });
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
  const shown = path.relative(process.cwd(), dir) || ".";
  console.log(
    `\nNext: edit ${shown}/site.yaml, then\n  ARCHIVE_DIR=${shown} npm run build\n  ARCHIVE_DIR=${shown} npm run preview`,
  );
  return 0;
}

process.exitCode = main();
