/**
 * Responsible for the Cypher that selects a set of projects by programme, region (with its
 * sub-regions), theme, dataset or explicit ids: the scope of a programme or region export and
 * of a network. Every given filter must hold; the statement is built from the filters given
 * (no `$x IS NULL OR …` guards) and anchored on the most selective one.
 */
import { Label, RelType } from '../../neo4j/graph-schema';

const { Programme, Project, Region, ThematicArea } = Label;
const { ADDRESSES, FUNDED_BY, LOCATED_IN, PART_OF } = RelType;

/** Which projects an export or a network covers. Parameters carry the same names. */
export interface ProjectScope {
  /** Projects FUNDED_BY this programme. */
  programmeId?: string;
  /** Projects LOCATED_IN this region or any region PART_OF it (the trees are at most 3 levels deep). */
  regionId?: string;
  /** Projects that ADDRESS this thematic area. */
  themeId?: string;
  /** Projects whose own row comes from this dataset (`source`). */
  datasetId?: string;
  /** Exactly these projects (ids that name no project are ignored). */
  projectIds?: readonly string[];
}

/** A filter of a scope that names a node, and the label its id must exist under. */
export const SCOPE_FILTER_LABELS = {
  programmeId: Programme,
  regionId: Region,
  themeId: ThematicArea,
  datasetId: Label.Dataset,
} as const satisfies Partial<Record<keyof ProjectScope, Label>>;
export type ScopeFilter = keyof typeof SCOPE_FILTER_LABELS;

interface FilterCypher {
  /** Starts the statement from the filter's node. */
  anchor: string;
  /** Checks a candidate `p` found through another anchor. */
  predicate: string;
}

// In order of selectivity: a list of ids is given by hand; a programme has at most ~80
// projects, a theme a few hundred, a country region thousands; a dataset may be everything.
const FILTERS: ReadonlyArray<[keyof ProjectScope, FilterCypher]> = [
  ['projectIds', { anchor: `UNWIND $projectIds AS projectId MATCH (p:${Project} {id: projectId})`, predicate: 'p.id IN $projectIds' }],
  [
    'programmeId',
    {
      anchor: `MATCH (:${Programme} {id: $programmeId})<-[:${FUNDED_BY}]-(p:${Project})`,
      predicate: `EXISTS { (p)-[:${FUNDED_BY}]->(:${Programme} {id: $programmeId}) }`,
    },
  ],
  [
    'themeId',
    {
      anchor: `MATCH (:${ThematicArea} {id: $themeId})<-[:${ADDRESSES}]-(p:${Project})`,
      predicate: `EXISTS { (p)-[:${ADDRESSES}]->(:${ThematicArea} {id: $themeId}) }`,
    },
  ],
  [
    'regionId',
    {
      // Walked down from the region once, not up from every candidate.
      anchor: `MATCH (:${Region} {id: $regionId})<-[:${PART_OF}*0..5]-(:${Region})<-[:${LOCATED_IN}]-(p:${Project})`,
      predicate: `EXISTS { (p)-[:${LOCATED_IN}]->(:${Region})-[:${PART_OF}*0..5]->(:${Region} {id: $regionId}) }`,
    },
  ],
  ['datasetId', { anchor: `MATCH (p:${Project}) WHERE p.source = $datasetId`, predicate: 'p.source = $datasetId' }],
];

const given = (scope: ProjectScope, filter: keyof ProjectScope) => scope[filter] !== undefined;

/**
 * The clauses that bind `p` to each project of the scope once (every project when the scope
 * is empty). Parameters: the scope's own fields.
 */
export function projectScopeMatch(scope: ProjectScope): string {
  const present = FILTERS.filter(([filter]) => given(scope, filter));
  if (present.length === 0) return `MATCH (p:${Project})`;
  const [[, anchor], ...checks] = present;
  const predicates = checks.map(([, cypher]) => cypher.predicate);
  // The dataset anchor carries its own WHERE; the others get one only for the other filters.
  const where = predicates.length === 0 ? '' : `${anchor.anchor.includes(' WHERE ') ? ' AND' : ' WHERE'} ${predicates.join(' AND ')}`;
  return `${anchor.anchor}${where}\nWITH DISTINCT p`;
}

/**
 * A RETURN item per node-naming filter given, true when its id exists: `programmeIdFound`, …
 * Empty when the scope names no node.
 */
export function scopeFiltersFound(scope: ProjectScope): string[] {
  return (Object.keys(SCOPE_FILTER_LABELS) as ScopeFilter[])
    .filter((filter) => given(scope, filter))
    .map((filter) => `EXISTS { (:${SCOPE_FILTER_LABELS[filter]} {id: $${filter}}) } AS ${filter}Found`);
}

/** The node-naming filters of `scope` whose flag in `row` (from scopeFiltersFound) is false. */
export function missingScopeFilters(scope: ProjectScope, row: Record<string, unknown> | undefined): ScopeFilter[] {
  return (Object.keys(SCOPE_FILTER_LABELS) as ScopeFilter[]).filter((filter) => given(scope, filter) && row?.[`${filter}Found`] !== true);
}

/** The scope's fields as statement parameters (absent filters are not sent). */
export function scopeParameters(scope: ProjectScope): Record<string, unknown> {
  return Object.fromEntries(Object.entries(scope).filter(([, value]) => value !== undefined));
}
