import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findInArticle, loadEntityCorrections, sharedFinder } from "../../../src/lib/entities/index.ts";
import { findInThreads, type FindJob } from "../../../src/lib/entities/find-threads.ts";

const BODIES: FindJob[] = [
  { body: "国家主席习近平在人民大会堂会见巴西总统卢拉。", script: "hans" },
  { body: "國務院總理李強在北京主持召開國務院常務會議。", script: "hant" },
  { body: "山西省太原市召开疫情防控工作会议。", script: "hans" },
  { body: "外交部发言人毛宁回答记者提问。", script: "hans" },
];

/** Enough bodies that every thread takes some, in an order that shows any mix-up. */
const jobs = Array.from({ length: 600 }, (_, i) => BODIES[(i * 7) % BODIES.length]!);

describe("finding names on every core", () => {
  it("gives each body the names one thread gives it, in the order of the bodies", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "find-threads-")), "entities.yaml");
    writeFileSync(file, "never: [毛宁]\n");
    const corrections = loadEntityCorrections(file);
    const alone = BODIES.map(({ body, script }) => findInArticle(sharedFinder(corrections), body, script, corrections));
    expect(alone[0]?.persons).toEqual(["习近平", "卢拉"]);
    expect(alone[1]?.persons).toEqual(["李強"]);
    expect(alone[3]?.persons).toEqual([]);
    const found = await findInThreads(jobs, file, 3);
    expect(found).toEqual(jobs.map((job) => alone[BODIES.indexOf(job)]));
  });

  it("stops before any thread starts when the corrections file cannot be used", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "find-threads-")), "entities.yaml");
    writeFileSync(file, "never: {a: 1}\n");
    await expect(findInThreads(jobs, file, 2)).rejects.toThrow(/entities\.yaml/);
  });
});
