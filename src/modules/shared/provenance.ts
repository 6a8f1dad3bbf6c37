/**
 * Responsible for the provenance every node and relationship carries: where its facts
 * come from. `source` names the dataset; `sourceUrls` the pages (may be empty).
 */
import type { PlainValue } from '../../neo4j/mapping';

/** The description every `source` field carries. */
export const SOURCE_DESCRIPTION =
  'Id of the dataset this fact comes from (see Query.datasets for its name, licence and credit): article, cbc, keep-eu-2019, nuts2013, iso3166-2, illustrative, or an imported one. Rows of "illustrative" were made up to fill a gap and are not real facts.';

export interface Provenance {
  /** The dataset's id. */
  source: string;
  sourceUrls: string[];
}

/** Reads `source` / `sourceUrl` stored properties into the Provenance of a domain object. */
export function provenanceOf(properties: Record<string, PlainValue>): Provenance {
  const source = properties.source;
  if (typeof source !== 'string' || source === '') {
    throw new Error(`Stored node or relationship names no dataset (source is ${JSON.stringify(source ?? null)})`);
  }
  const urls = typeof properties.sourceUrl === 'string' ? properties.sourceUrl.split(' ; ') : [];
  return { source, sourceUrls: urls.map((url) => url.trim()).filter(Boolean) };
}

/** Reads an optional stored property as a string. */
export function optionalString(value: PlainValue | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** Reads an optional stored property as a number. */
export function optionalNumber(value: PlainValue | undefined): number | null {
  return typeof value === 'number' ? value : null;
}
