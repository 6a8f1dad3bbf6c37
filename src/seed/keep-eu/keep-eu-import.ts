/**
 * Responsible for preparing a keep.eu export for import into a graph that already holds
 * data: regions and programmes are looked up in the graph, the dataset is declared, and a
 * node another dataset owns (an organization the programme pages name, the Baltic Sea
 * Region programme) is referred to, never overwritten.
 */
import { statSync } from 'node:fs';
import { Label, RelType } from '../../neo4j/graph-schema';
import type { Executor } from '../../neo4j/executor';
import { idsHeldByOthers, graphReferences, organizationsHeldByOthers, ownersOf, relationshipOwnersOf } from '../graph-state';
import { RELATIONSHIP_FILES } from '../seed-files';
import { type SeedFileSource, textSource } from '../seed-source';
import { SeedValidationError } from '../validate';
import { KEEP_EU_URL, REPOSITORY_CURATION, keepEuSeed } from './keep-eu-seed';
import { asKeepEuCountries } from './partner-organizations';

export interface KeepEuImportOptions {
  /** Dataset id the rows are imported as; re-importing a newer export under it replaces the old one. */
  dataset: string;
}

export interface PreparedKeepEu {
  source: SeedFileSource;
  notes: string[];
  read: string[];
}

// The endpoint labels of the adapter's relationships where the type allows several pairs.
const ENDPOINTS: Partial<Record<RelType, [Label, Label]>> = {
  [RelType.BASED_IN]: [Label.Organization, Label.Region],
  [RelType.PART_OF]: [Label.Region, Label.Region],
};

const KEEP_EU_CREDIT = 'Contains data from keep.eu (© Interact, https://keep.eu)';

export async function prepareKeepEu(executor: Executor, location: string, options: KeepEuImportOptions): Promise<PreparedKeepEu> {
  const references = await graphReferences(executor);
  const seed = await keepEuSeed(location, {
    source: options.dataset,
    sourceUrl: KEEP_EU_URL,
    // Regions of this dataset (keep.eu's NUTS equivalents) are the export's to state again.
    knownRegions: await idsHeldByOthers(executor, Label.Region, options.dataset),
    // Partners are matched to the organizations other datasets hold, which are referred to.
    knownOrganizations: asKeepEuCountries(await organizationsHeldByOthers(executor, options.dataset)),
    ...REPOSITORY_CURATION,
  });
  if (seed.problems.length > 0) throw new SeedValidationError(seed.problems);

  const notes = [...seed.notes];
  if (!references.existingDatasets.has(options.dataset)) {
    const retrieved = statSync(location).mtime.toISOString().slice(0, 10);
    seed.tables.addNode(Label.Dataset, {
      id: options.dataset,
      name: `keep.eu export (${location.split(/[\\/]/).pop() ?? location})`,
      url: KEEP_EU_URL,
      licence: 'keep.eu terms: reuse for any lawful purpose with credit and a link; changes stated',
      credit: `${KEEP_EU_CREDIT}, export retrieved ${retrieved}`,
      retrieved,
      changes: "converted by coopgraph's keep.eu adapter (programme names split into period and kind, budgets without thousands separators, duplicated lead rows folded, partner rows matched to organizations by normalised name, town and website, each match with its score and reason)",
      source_urls: 'required',
    });
  }
  for (const [label, rows] of seed.tables.nodes) {
    if (label === Label.Dataset) continue;
    const owners = await ownersOf(executor, label, [...rows.keys()]);
    let kept = 0;
    for (const [id, owner] of owners) {
      if (owner === options.dataset) continue;
      seed.tables.removeNode(label, id);
      kept += 1;
    }
    if (kept > 0) notes.push(`${kept} ${label} node(s) another dataset holds are referred to, not overwritten`);
  }
  for (const [type, rows] of seed.tables.relationships) {
    const declared = RELATIONSHIP_FILES.find((spec) => spec.type === type)?.endpoints[0];
    const [from, to] = ENDPOINTS[type] ?? (declared ? [declared.from, declared.to] : []);
    if (!from || !to) continue;
    const owners = await relationshipOwnersOf(executor, type, from, to, [...rows.values()].map((row) => ({ from: row.from, to: row.to })));
    let kept = 0;
    for (const [key, owner] of owners) {
      if (owner === options.dataset) continue;
      const [fromId, toId] = key.split('\u0000');
      seed.tables.removeRelationship(type, fromId, toId);
      kept += 1;
    }
    if (kept > 0) notes.push(`${kept} ${type} relationship(s) another dataset holds are left as they are`);
  }
  const files = seed.tables.toFiles();
  return {
    source: textSource((file) => files.get(file), location, references),
    notes,
    read: seed.read,
  };
}
