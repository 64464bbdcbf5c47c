import type { Root } from "hast";
import { visit } from "unist-util-visit";
import { relativeFile, type Attachment } from "../article/attachments.ts";

/**
 * Points an article's relative links and images at its published files, and gives each
 * image its size (so the page does not jump as it loads) and lazy loading.
 */
export function linkAttachments(
  tree: Root,
  attachments: readonly Attachment[],
  pathOf: (name: string) => string,
): void {
  if (attachments.length === 0) return;
  const byName = new Map(attachments.map((attachment) => [attachment.name, attachment]));
  visit(tree, "element", (node) => {
    const key = node.tagName === "img" ? "src" : node.tagName === "a" ? "href" : undefined;
    const url = key && node.properties[key];
    const attachment = typeof url === "string" ? byName.get(relativeFile(url) ?? "") : undefined;
    if (!key || !attachment) return;
    node.properties[key] = pathOf(attachment.name);
    if (node.tagName === "img") {
      node.properties["loading"] = "lazy";
      if (attachment.width && attachment.height) {
        node.properties["width"] = attachment.width;
        node.properties["height"] = attachment.height;
      }
    }
  });
}
