import { describe, expect, it } from "vitest";
import { citedDocumentNumbers, documentNumberKey } from "../../../src/lib/browse/docnumbers.ts";

describe("document numbers", () => {
  it("reads one number the same in either script and bracket style", () => {
    const key = documentNumberKey("国发〔2024〕1号");
    expect(key).toBe("国发〔2024〕1号");
    for (const spelling of [
      "國發〔2024〕1號",
      "国发[2024]1号",
      "国发［2024］1号",
      "国发（2024）01号",
      "国发〔2024〕第1号",
    ]) {
      expect(documentNumberKey(spelling), spelling).toBe(key);
    }
  });

  it("is not fooled by text that is not a document number", () => {
    expect(documentNumberKey("主席令第三十一号")).toBeUndefined();
    expect(documentNumberKey("2024年1号")).toBeUndefined();
  });

  it("finds the archive's document numbers cited in running text, in either script", () => {
    const known = new Set(["国发〔2024〕1号", "国办发〔2023〕5号"]);
    expect(citedDocumentNumbers("根据《通知》（国发〔2024〕1号）要求，……", known)).toEqual(["国发〔2024〕1号"]);
    expect(citedDocumentNumbers("依據國發〔2024〕1號文件", known)).toEqual(["国发〔2024〕1号"]);
    expect(citedDocumentNumbers("按照国办发〔2023〕5号和国发〔2024〕1号", known)).toEqual([
      "国办发〔2023〕5号",
      "国发〔2024〕1号",
    ]);
  });

  it("does not mistake a longer agency code or an unknown number for a known one", () => {
    const known = new Set(["国发〔2024〕1号"]);
    expect(citedDocumentNumbers("据国办发〔2024〕1号", known)).toEqual([]);
    expect(citedDocumentNumbers("据国发〔2024〕2号", known)).toEqual([]);
  });
});
