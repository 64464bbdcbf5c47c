/**
 * The versions a lockfile (npm's package-lock.json) pins for some packages and the
 * platform builds that come with them (`@node-rs/jieba` and `@node-rs/jieba-linux-x64-gnu`),
 * as one stable string: what a cache of their results depends on, so that installing an
 * unrelated package does not throw the cache away. Empty when there is no lockfile.
 */
export function lockedVersions(lockfile: string, packages: readonly string[]): string {
  if (lockfile.trim() === "") return "";
  const { packages: locked = {} } = JSON.parse(lockfile) as {
    packages?: Record<string, { version?: string }>;
  };
  const pinned: string[] = [];
  for (const [where, { version }] of Object.entries(locked)) {
    const name = where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length);
    if (!where.startsWith("node_modules/") || where.indexOf("node_modules/", 1) > 0) continue;
    if (packages.some((wanted) => name === wanted || name.startsWith(`${wanted}-`))) {
      pinned.push(`${name}@${version ?? "?"}`);
    }
  }
  return pinned.sort().join(" ");
}
