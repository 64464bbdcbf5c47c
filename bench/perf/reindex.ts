// Indexes a built site for search again, split into shards of at most <shardPages> pages
// (and, given <yearsPerPart>, cut as a build in parts of that many years cuts them), as the
// search integration does after a build. Prints one JSON line (the IndexReport).
// Run: tsx bench/perf/reindex.ts <archiveDir> <siteDir> <shardPages> [<yearsPerPart>]
import { conversionRules, loadSiteRules, siteRulesPath, TO_HANS, TO_HANT } from "../../src/lib/script/index.ts";
import { buildSearchIndex } from "../../src/lib/search/indexer.ts";

const [archiveDir, siteDir, shardPages, yearsPerPart] = process.argv.slice(2);
if (!archiveDir || !siteDir || !shardPages) {
  throw new Error("usage: tsx bench/perf/reindex.ts <archiveDir> <siteDir> <shardPages> [<yearsPerPart>]");
}
const siteRules = await loadSiteRules(siteRulesPath(archiveDir));
const report = await buildSearchIndex({
  siteDir,
  shardPages: Number(shardPages),
  ...(yearsPerPart ? { yearsPerPart: Number(yearsPerPart) } : {}),
  rules: {
    toHant: conversionRules(TO_HANT, { siteRules }),
    toHans: conversionRules(TO_HANS, { siteRules }),
  },
});
console.log(JSON.stringify(report));
