import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../../helpers/archive.ts";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  permissions: Record<string, string>;
  jobs: Record<string, { needs?: string; env?: Record<string, string>; steps: Step[] }>;
}

const workflow = parse(readFileSync(path.join(ROOT, ".github/workflows/pages.yml"), "utf8")) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const action = (name: string): Step | undefined => steps.find((step) => step.uses?.startsWith(`actions/${name}@`));

describe("the GitHub Pages workflow", () => {
  it("builds with the README's command on the Node version the README asks for", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const build = steps.find((step) => step.run)?.run;
    expect(readme).toContain(`\`\`\`sh\n${build}\n\`\`\``);
    expect(readme).toContain(`Node.js ${String(action("setup-node")?.with?.["node-version"])} or newer`);
  });

  it("keeps Astro's cache folder between runs, outside node_modules, so a build does only what changed", () => {
    const cacheDir = workflow.jobs["build"]?.env?.["ASTRO_CACHE_DIR"];
    expect(cacheDir).toBeDefined();
    expect(cacheDir).not.toMatch(/node_modules/);
    expect(action("cache")?.with?.["path"]).toBe(cacheDir);
    const build = workflow.jobs["build"]?.steps ?? [];
    expect(build.findIndex((step) => step.uses?.startsWith("actions/cache@"))).toBeLessThan(
      build.findIndex((step) => step.run?.includes("npm run build")),
    );
  });

  it("publishes dist/ with the official Pages actions, deploying after the build", () => {
    expect(action("configure-pages")).toBeDefined();
    expect(action("upload-pages-artifact")?.with?.["path"]).toBe("dist");
    expect(action("deploy-pages")).toBeDefined();
    expect(workflow.jobs["deploy"]?.needs).toBe("build");
    expect(workflow.permissions).toMatchObject({ pages: "write", "id-token": "write" });
  });
});
