import { describe, expect, it } from "vitest";
import { Beside } from "../../../src/lib/search/beside.ts";

describe("work done beside an indexing run", () => {
  it("is finished, all of it, when the run waits at its end", async () => {
    const beside = new Beside();
    const finished: string[] = [];
    beside.add(new Promise((resolve) => setTimeout(resolve, 20)).then(() => finished.push("slow")));
    beside.add(Promise.resolve().then(() => finished.push("quick")));
    await beside.done();
    expect(finished.sort()).toEqual(["quick", "slow"]);
  });

  it("fails the run at its end when a piece failed, not before", async () => {
    const beside = new Beside();
    beside.add(Promise.reject(new Error("the disk is full")));
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(beside.done()).rejects.toThrow("the disk is full");
  });
});
