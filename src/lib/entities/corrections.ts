import type { EntityKind } from "./types.ts";

/** The maintainer's corrections to what the finder finds (content/entities.yaml). */
export interface EntityCorrections {
  /** A written form → the one name it stands for (王毅 ← 王毅部长 is not needed; 发改委 ← 国家发改委 is). */
  aliases: ReadonlyMap<string, string>;
  /** Names never taken, whatever finds them. */
  never: ReadonlySet<string>;
  /** Names always taken wherever they appear, with their kind. */
  always: readonly { name: string; kind: EntityKind }[];
}
