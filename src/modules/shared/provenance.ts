/**
 * Responsible for the provenance every node and relationship carries: where its facts
 * come from. `source` says which kind of source; `sourceUrls` the pages (may be empty).
 */
import { registerEnumType } from 'type-graphql';
import type { PlainValue } from '../../neo4j/mapping';

export enum DataSource {
  ARTICLE = 'article',
  CBC = 'cbc',
  NUTS2013 = 'nuts2013',
  ISO3166_2 = 'iso3166-2',
  ILLUSTRATIVE = 'illustrative',
}

registerEnumType(DataSource, {
  name: 'DataSource',
  description: 'Where a fact comes from. ILLUSTRATIVE rows were made up to fill a gap and are not real facts.',
  valuesConfig: {
    ARTICLE: { description: 'The 2018 article "Cluster approach to cross-border cooperation"' },
    CBC: { description: 'A public programme or project web page (see sourceUrls)' },
    NUTS2013: { description: 'Eurostat NUTS 2013 code list (GISCO - Eurostat; © EuroGeographics)' },
    ISO3166_2: { description: 'ISO 3166-2 subdivision codes as published in Debian iso-codes' },
    ILLUSTRATIVE: { description: 'Made up to fill a gap in the sources; not a real fact' },
  },
});

export interface Provenance {
  source: DataSource;
  sourceUrls: string[];
}

const knownSources = new Set<string>(Object.values(DataSource));

/** Reads `source` / `sourceUrl` stored properties into the Provenance of a domain object. */
export function provenanceOf(properties: Record<string, PlainValue>): Provenance {
  const source = String(properties.source ?? '');
  if (!knownSources.has(source)) {
    throw new Error(`Stored node or relationship has unknown source "${source}"`);
  }
  const urls = typeof properties.sourceUrl === 'string' ? properties.sourceUrl.split(' ; ') : [];
  return { source: source as DataSource, sourceUrls: urls.map((url) => url.trim()).filter(Boolean) };
}

/** Reads an optional stored property as a string. */
export function optionalString(value: PlainValue | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** Reads an optional stored property as a number. */
export function optionalNumber(value: PlainValue | undefined): number | null {
  return typeof value === 'number' ? value : null;
}
