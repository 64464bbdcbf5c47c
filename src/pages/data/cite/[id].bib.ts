import type { APIRoute } from "astro";
import { citationPaths, type CitationProps } from "../../../data/citations.ts";
import { bibtex } from "../../../lib/cite/bibtex.ts";

export const getStaticPaths = citationPaths;

/** An article's BibTeX entry, in its original script. */
export const GET: APIRoute = ({ props }) =>
  new Response(bibtex((props as CitationProps).item), {
    headers: { "content-type": "application/x-bibtex; charset=utf-8" },
  });
