import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../../helpers/archive.ts";

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  outputs?: Record<string, string>;
  strategy?: { matrix: { include: string } };
  steps: Step[];
}
interface Workflow {
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = parse(readFileSync(path.join(ROOT, ".github/workflows/parts.yml"), "utf8")) as Workflow;
const scripts = (
  JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }
).scripts;
const job = (name: string): Job => workflow.jobs[name] as Job;
const action = (name: string, uses: string): Step | undefined =>
  job(name).steps.find((step) => step.uses?.startsWith(`actions/${uses}@`));
const runs = (name: string): string =>
  job(name)
    .steps.flatMap((step) => step.run ?? [])
    .join("\n");

describe("the workflow that builds in parts on many machines", () => {
  it("runs one job per part the plan lists, with the project's own commands", () => {
    expect(runs("plan")).toContain("npm run --silent build:plan -- --json");
    expect(job("plan").outputs?.["parts"]).toBe("${{ steps.plan.outputs.parts }}");
    expect(job("part").needs).toBe("plan");
    expect(job("part").strategy?.matrix.include).toBe("${{ fromJSON(needs.plan.outputs.parts) }}");
    expect(runs("part")).toContain("npm run build:part -- ${{ matrix.name }}");
    expect(runs("assemble")).toContain("npm run build:assemble");
    for (const command of ["build:plan", "build:part", "build:assemble"]) expect(scripts[command]).toBeDefined();
  });

  it("reuses a part whose fingerprint is unchanged instead of building it", () => {
    const cache = action("part", "cache");
    expect(cache?.with?.["path"]).toBe("parts/${{ matrix.name }}");
    expect(String(cache?.with?.["key"])).toContain("${{ matrix.fingerprint }}");
    const build = job("part").steps.find((step) => step.run?.includes("build:part"));
    expect(build?.if).toBe(`steps.${String(cache?.id)}.outputs.cache-hit != 'true'`);
  });

  it("hands each part's folder to the assemble job, which puts it where build:assemble looks", () => {
    const upload = action("part", "upload-artifact");
    expect(upload?.with).toMatchObject({ name: "${{ matrix.name }}", path: "parts/${{ matrix.name }}" });
    expect(job("assemble").needs).toBe("part");
    const download = action("assemble", "download-artifact");
    // Without a name, every artifact of the run, each into <path>/<artifact name>/.
    expect(download?.with).toEqual({ path: "parts" });
    const steps = job("assemble").steps;
    expect(steps.indexOf(download as Step)).toBeLessThan(
      steps.findIndex((step) => step.run === "npm run build:assemble"),
    );
  });

  it("publishes the joined site with the official Pages actions after the assemble job", () => {
    expect(action("assemble", "upload-pages-artifact")?.with?.["path"]).toBe("dist");
    expect(action("deploy", "deploy-pages")).toBeDefined();
    expect(job("deploy").needs).toBe("assemble");
    expect(workflow.permissions).toMatchObject({ pages: "write", "id-token": "write" });
  });
});
