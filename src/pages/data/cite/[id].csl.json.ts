import type { APIRoute } from "astro";
import { citationPaths, type CitationProps } from "../../../data/citations.ts";
import { cslJson } from "../../../lib/cite/csl.ts";

export const getStaticPaths = citationPaths;

/** An article as CSL-JSON, in its original script. */
export const GET: APIRoute = ({ props }) =>
  new Response(cslJson([(props as CitationProps).item]), {
    headers: { "content-type": "application/vnd.citationstyles.csl+json; charset=utf-8" },
  });
