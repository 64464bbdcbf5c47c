// The script-conversion core: framework-free, used by the pages, the check command and the tests.
export { TO_HANS, TO_HANT, directionFrom, directionName, type Direction } from "./direction.ts";
export {
  conversionRules,
  convertText,
  createConverter,
  type ConvertedSpan,
  type Converter,
  type ConverterOptions,
  type DetailedConversion,
  type Evidence,
  type ExplainedConversion,
  type WordDecision,
} from "./converter.ts";
export { convertTree, isKept, KEEP_ATTRIBUTE, KEEP_SANITIZE_ATTRIBUTES, KEEP_VALUE } from "./tree.ts";
export { convertMetaFields, CONVERTED_LIST_FIELDS, CONVERTED_TEXT_FIELDS } from "./meta.ts";
export { loadSiteRules, parseSiteRules, SITE_RULES_FILE, siteRulesPath, SiteRulesError } from "./site-rules.ts";
export {
  ArchiveAmbiguities,
  formatAmbiguityReport,
  reportableMarkdown,
  reportAmbiguities,
  type AmbiguityReport,
  type AmbiguousCharacter,
  type ArchiveFiring,
  type UncertainPhrase,
  type Place,
  type ReportOptions,
  type RuleFiring,
  type RuleNotApplied,
} from "./ambiguity.ts";
export { BUILTIN_RULES } from "./builtin-rules.ts";
export type { KnownNames, NameKind } from "./names.ts";
export type { Rule, RuleLayer } from "./rules.ts";
