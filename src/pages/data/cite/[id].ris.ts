import type { APIRoute } from "astro";
import { citationPaths, type CitationProps } from "../../../data/citations.ts";
import { ris } from "../../../lib/cite/ris.ts";

export const getStaticPaths = citationPaths;

/** An article's RIS record, in its original script. */
export const GET: APIRoute = ({ props }) =>
  new Response(ris((props as CitationProps).item), {
    headers: { "content-type": "application/x-research-info-systems; charset=utf-8" },
  });
