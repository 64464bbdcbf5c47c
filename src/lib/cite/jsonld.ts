import type { ArticleMeta, Script } from "../article/schema.ts";
import { isPolicyDocument } from "./item.ts";
import type { Provenance } from "../export/records.ts";

/** Where the page is and what it belongs to, for structured data. */
export interface PageContext {
  script: Script;
  /** Absolute URL of this page, which is also its canonical URL. */
  pageUrl: string;
  /** Absolute URL of the article's page in its original script. */
  originalUrl: string;
  siteTitle: string;
  siteUrl: string;
}

const LEGAL_FORCE: Partial<Record<NonNullable<ArticleMeta["status"]>, string>> = {
  in_force: "https://schema.org/InForce",
  repealed: "https://schema.org/NotInForce",
};

type Thing = Record<string, unknown>;

const named = (type: string) => (name: string) => ({ "@type": type, name });

/**
 * Schema.org data for an article page: a NewsArticle, or for a policy document a
 * Legislation (with its number, issuing bodies, type, dates and legal force). An
 * amended document gets no legal force: schema.org has no value meaning "in force
 * as amended". `meta` is the front matter in the page's script; `description` is the
 * page's meta description. Each script's page is a work of its own (its canonical URL);
 * a converted page names the original it was converted from. `provenance` adds the
 * content hash and the status of the original page.
 */
export function articleJsonLd(
  meta: ArticleMeta,
  page: PageContext,
  description: string,
  provenance: Provenance = {},
): Thing {
  const { contentHash, source } = provenance;
  const common: Thing = {
    "@context": "https://schema.org",
    "@id": page.pageUrl,
    url: page.pageUrl,
    ...(description === "" ? {} : { description }),
    ...(page.originalUrl === page.pageUrl ? {} : { translationOfWork: { "@id": page.originalUrl } }),
    inLanguage: page.script === "hans" ? "zh-Hans" : "zh-Hant",
    datePublished: meta.date.iso,
    isPartOf: { "@type": "WebSite", name: page.siteTitle, url: page.siteUrl },
    ...(meta.url === undefined
      ? {}
      : {
          // The original page, and what its last checks found (docs/sources.md).
          isBasedOn: source
            ? { "@type": "WebPage", url: meta.url, creativeWorkStatus: source.state, lastReviewed: source.lastChecked }
            : meta.url,
        }),
    ...(contentHash === undefined
      ? {}
      : { identifier: { "@type": "PropertyValue", propertyID: "sha256", value: contentHash } }),
    ...(meta.topics?.length ? { keywords: meta.topics.join(", ") } : {}),
    ...(meta.persons?.length || meta.places?.length || meta.organizations?.length
      ? {
          mentions: [
            ...(meta.persons ?? []).map(named("Person")),
            ...(meta.places ?? []).map(named("Place")),
            ...(meta.organizations ?? []).map(named("Organization")),
          ],
        }
      : {}),
    ...(meta.license === undefined ? {} : { license: meta.license }),
  };
  if (isPolicyDocument(meta)) {
    const force = meta.status && LEGAL_FORCE[meta.status];
    return {
      ...common,
      "@type": "Legislation",
      name: meta.title,
      legislationDate: meta.date.day,
      ...(meta.document_number === undefined ? {} : { legislationIdentifier: meta.document_number }),
      ...(meta.issuers?.length ? { legislationPassedBy: meta.issuers.map(named("GovernmentOrganization")) } : {}),
      ...(meta.document_type === undefined ? {} : { legislationType: meta.document_type }),
      ...(meta.effective === undefined ? {} : { legislationDateOfApplicability: meta.effective }),
      ...(force ? { legislationLegalForce: { "@id": force } } : {}),
    };
  }
  return {
    ...common,
    "@type": "NewsArticle",
    headline: meta.title,
    ...(meta.subtitle === undefined ? {} : { alternativeHeadline: meta.subtitle }),
    ...(meta.authors?.length ? { author: meta.authors.map(named("Person")) } : {}),
    ...(meta.source === undefined ? {} : { sourceOrganization: named("NewsMediaOrganization")(meta.source) }),
    ...(meta.publisher === undefined ? {} : { publisher: named("Organization")(meta.publisher) }),
    ...(meta.section === undefined ? {} : { articleSection: meta.section }),
  };
}

/**
 * JSON for inside a `<script type="application/ld+json">` element: `<` is escaped
 * so that no value (a hostile title, say) can close the element early.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
