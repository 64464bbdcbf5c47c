import { describe, expect, it } from "vitest";
import { parseBody } from "../../../src/lib/markdown/render.ts";
import { clauses, type Clause } from "../../../src/lib/markdown/structure.ts";
import { compareClauses, countChanges, type TextPart } from "../../../src/lib/versions/compare.ts";
import { readLaw, versionSets } from "../../helpers/laws.ts";
import { hasCorpus } from "../../helpers/corpus.ts";

const lawClauses = (file: string) => clauses(parseBody(readLaw(file).body));
/** The text a comparison shows for the older version (without insertions) or the newer (without deletions). */
const olderText = (parts: TextPart[]) =>
  parts
    .filter((part) => part.kind !== "ins")
    .map((part) => part.text)
    .join("");
const newerText = (parts: TextPart[]) =>
  parts
    .filter((part) => part.kind !== "del")
    .map((part) => part.text)
    .join("");
const changedChars = (parts: TextPart[]) =>
  parts.filter((part) => part.kind !== "same").reduce((sum, part) => sum + [...part.text].length, 0);

/** Characters in a shortest plain edit of one text into the other (insertions plus deletions), by textbook LCS. */
function plainEditSize(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const current = [0];
    for (let j = 1; j <= y.length; j++) {
      current[j] = x[i - 1] === y[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    previous = current;
  }
  return x.length + y.length - 2 * previous[y.length]!;
}

describe("comparing two versions clause by clause", () => {
  it.skipIf(!hasCorpus)("shows the one character added to 第二十三条 of Beijing's parking regulation in 2024", () => {
    const dir = "DLC/北京地方法规/地方性法规/北京/";
    const changes = compareClauses(
      lawClauses(`${dir}北京市机动车停车条例(2021-09-24).md`),
      lawClauses(`${dir}北京市机动车停车条例(2024-03-29).md`),
    );
    expect(countChanges(changes)).toEqual({ added: 0, removed: 0, changed: 3, renumbered: 0, unchanged: 40 });
    const clause23 = changes.find((change) => change.newer?.label === "第二十三条")!;
    expect(clause23.kind).toBe("changed");
    expect(clause23.parts.filter((part) => part.kind !== "same")).toEqual([{ kind: "ins", text: "元" }]);
    expect(olderText(clause23.parts)).toContain("处五千以上一万元以下罚款");
    expect(newerText(clause23.parts)).toContain("处五千元以上一万元以下罚款");
  });

  it("tells added, removed and renumbered clauses apart", () => {
    const clause = (n: number, text: string): Clause => ({ id: `art-${n}`, label: `第${"一二三四五"[n - 1]}条`, text });
    const older = [
      clause(1, "为了规范管理，制定本条例。"),
      clause(2, "本条例自公布之日起施行。"),
      clause(3, "旧的过渡规定。"),
    ];
    const newer = [
      clause(1, "为了规范管理，制定本条例。"),
      clause(2, "新增的一条规定。"),
      clause(3, "本条例自公布之日起施行。"),
    ];
    expect(
      compareClauses(older, newer).map(
        (change) => `${change.kind} ${change.older?.id ?? "-"} ${change.newer?.id ?? "-"}`,
      ),
    ).toEqual(["unchanged art-1 art-1", "added - art-2", "renumbered art-2 art-3", "removed art-3 -"]);
  });

  it("compares documents without clauses as one text, however much changed", () => {
    const older = clauses(parseBody("各区人民政府：\n\n现将有关事项通知如下。"));
    const newer = clauses(parseBody("各区人民政府、市政府各部门：\n\n现将有关事项重新通知如下。"));
    const [change, ...rest] = compareClauses(older, newer);
    expect(rest).toEqual([]);
    expect(change?.kind).toBe("changed");
    expect(change?.parts.filter((part) => part.kind !== "same")).toEqual([
      { kind: "ins", text: "、市政府各部门" },
      { kind: "ins", text: "重新" },
    ]);
  });

  it.skipIf(!hasCorpus)(
    "in every pair of consecutive versions of the corpus, marks exactly the characters a plain diff finds",
    async () => {
      const sets = await versionSets();
      let pairs = 0;
      let changed = 0;
      for (const set of sets) {
        for (let i = 1; i < set.length; i++) {
          const older = lawClauses(set[i - 1]!);
          const newer = lawClauses(set[i]!);
          const changes = compareClauses(older, newer);
          pairs++;
          // Every clause of both versions appears once, in its version's order.
          expect(changes.flatMap((change) => (change.older ? [change.older] : []))).toEqual(older);
          expect(changes.flatMap((change) => (change.newer ? [change.newer] : []))).toEqual(newer);
          for (const change of changes.filter((c) => c.kind === "changed")) {
            changed++;
            const before = change.older!.text;
            const after = change.newer!.text;
            expect(olderText(change.parts)).toBe(before);
            expect(newerText(change.parts)).toBe(after);
            expect(changedChars(change.parts), `${set[i]} ${change.newer!.label}`).toBe(plainEditSize(before, after));
          }
        }
      }
      expect(pairs).toBe(62);
      expect(changed).toBeGreaterThan(500);
    },
  );
});
