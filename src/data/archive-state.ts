import { getCollection } from "astro:content";

/**
 * A value computed from the whole archive (an index, the version chains), shared by every
 * page. A build computes it once. The dev server keeps it until an article changes: it
 * compares the content store's digests (file, identity and body of each article) on each
 * request, which costs a pass over the entries instead of rebuilding the index for every
 * page and every path of `getStaticPaths`, which made a first article page take minutes on
 * a few thousand articles.
 */
export function perArchive<T>(make: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  let state: string | undefined;
  return async () => {
    if (!import.meta.env.DEV) {
      cached ??= make();
      return cached;
    }
    const now = await archiveState();
    if (cached === undefined || now !== state) {
      state = now;
      cached = make();
      // A failed computation is not kept: the next request tries again after the fix.
      cached.catch(() => {
        if (state === now) cached = undefined;
      });
    }
    return cached;
  };
}

/** What identifies the archive's current contents: each article's id and its store digest. */
async function archiveState(): Promise<string> {
  const entries = await getCollection("articles");
  return entries.map((entry) => `${entry.id} ${String((entry as { digest?: unknown }).digest ?? "")}`).join("\n");
}
