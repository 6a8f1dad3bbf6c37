/**
 * Responsible for declaring the seed format: every file under `seed/`, its columns in
 * order, each column's type and whether it is required, and which labels a
 * relationship file may join. Validation, loading and the derivation script all read
 * this one declaration.
 */
import { z } from 'zod';
import { Label, RelType } from '../neo4j/graph-schema';

export type ColumnType = 'string' | 'date' | 'number' | 'boolean' | 'enum';
/** A parsed cell; dates stay `YYYY-MM-DD` strings until the loader hands them to the driver. */
export type CellValue = string | number | boolean;

export interface ColumnSpec {
  /** Header name in the CSV (snake_case). */
  name: string;
  /** Property name in the graph (camelCase); `from`/`to` are endpoints, not properties. */
  property: string;
  type: ColumnType;
  required: boolean;
  /** Parses a non-empty cell; issue messages read after the quoted value ("is not a date …"). */
  parse: z.ZodType<CellValue, string>;
}

export interface NodeFileSpec {
  kind: 'node';
  /** Path relative to the seed directory. */
  file: string;
  label: Label;
  columns: readonly ColumnSpec[];
  /** The id a row must have when it follows from other cells (an external id's `<scheme>:<value>`). */
  idFrom?: (cell: (column: string) => CellValue | undefined) => string | undefined;
}

export interface Endpoints {
  from: Label;
  to: Label;
}

export interface RelationshipFileSpec {
  kind: 'relationship';
  file: string;
  type: RelType;
  /** Allowed label pairs; an endpoint id is looked up among these labels only. */
  endpoints: readonly Endpoints[];
  columns: readonly ColumnSpec[];
  /** Each `from` joins at most one `to` (a project has one call). */
  onePerFrom?: boolean;
  /** Each `to` is joined from at most one `from` (an external id names one project). */
  onePerTo?: boolean;
}

export type SeedFileSpec = NodeFileSpec | RelationshipFileSpec;

/**
 * How a dataset's rows cite pages: `required` (each row names the page its facts are on)
 * or `none` (the dataset has no pages to cite, such as the article or made-up rows: a URL
 * there would pretend to evidence that does not exist).
 */
export const SOURCE_URL_POLICIES = ['required', 'none'] as const;
export type SourceUrlPolicy = (typeof SOURCE_URL_POLICIES)[number];

/** The levels a region may have (`regions.csv` column `level`). */
export const REGION_LEVELS = ['country', 'NUTS1', 'NUTS2', 'NUTS3', 'federal_district', 'federal_subject', 'county', 'subdivision'] as const;
export type RegionLevelName = (typeof REGION_LEVELS)[number];

/** Dataset ids: lowercase letters, digits, `.` and `-` (`keep-eu-2019`, `iso3166-2`). */
export const DATASET_ID = /^[a-z0-9][a-z0-9.-]*$/;

/** External-id schemes: lowercase letters, digits and `-` (`keep-eu`, `project-code`); never `:`, which ends the scheme in an id. */
export const EXTERNAL_ID_SCHEME = /^[a-z0-9][a-z0-9-]*$/;

/** The schemes the adapters and the derivation write; the format itself accepts any scheme. */
export const EXTERNAL_ID_SCHEMES = {
  /** keep.eu's key of a project: `<programme name as keep.eu writes it>|<acronym>` (names carry no `|`). */
  keepEu: 'keep-eu',
  /** The programme's own project code (`KO1029`), where the programme pages state one. */
  projectCode: 'project-code',
} as const;

/** The id of the ExternalId node of (scheme, value): the scheme has no `:`, so the first one separates. */
export function externalIdKey(scheme: string, value: string): string {
  return `${scheme}:${value}`;
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `YYYY-MM-DD` (rejects 2018-13-01 and 2019-02-29). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const parsers = {
  string: z.string(),
  date: z.string().refine(isCalendarDate, 'is not a date (YYYY-MM-DD)'),
  number: z
    .string()
    .regex(PLAIN_NUMBER, 'is not a plain number (e.g. 1398799 or 1398799.50)')
    .transform(Number),
  boolean: z.enum(['true', 'false'], { message: 'is not a boolean (true or false)' }).transform((v) => v === 'true'),
};

function camelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

interface ColumnOptions {
  required?: boolean;
}

function column(name: string, type: Exclude<ColumnType, 'enum'>, options: ColumnOptions = {}): ColumnSpec {
  return { name, property: camelCase(name), type, required: options.required ?? false, parse: parsers[type] };
}

function enumColumn(name: string, values: readonly [string, ...string[]], options: ColumnOptions = {}): ColumnSpec {
  return {
    name,
    property: camelCase(name),
    type: 'enum',
    required: options.required ?? false,
    parse: z.enum(values, { message: `is not one of: ${values.join(', ')}` }),
  };
}

const required = { required: true };

// Provenance closes every row of every file: the dataset it comes from and its pages.
const provenance: readonly ColumnSpec[] = [
  { ...column('source', 'string', required), parse: z.string().regex(DATASET_ID, 'is not a dataset id (lowercase letters, digits, "." and "-")') },
  column('source_url', 'string'),
];

function nodeFile(file: string, label: Label, properties: readonly ColumnSpec[], rules: Pick<NodeFileSpec, 'idFrom'> = {}): NodeFileSpec {
  return { kind: 'node', file: `nodes/${file}`, label, columns: [column('id', 'string', required), ...properties, ...provenance], ...rules };
}

function relationshipFile(
  type: RelType,
  endpoints: readonly Endpoints[],
  properties: readonly ColumnSpec[] = [],
  rules: Pick<RelationshipFileSpec, 'onePerFrom' | 'onePerTo'> = {},
): RelationshipFileSpec {
  return {
    kind: 'relationship',
    file: `relationships/${type}.csv`,
    type,
    endpoints,
    columns: [column('from', 'string', required), column('to', 'string', required), ...properties, ...provenance],
    ...rules,
  };
}

const pair = (from: Label, to: Label): Endpoints => ({ from, to });

/** The dataset file: the only one without provenance columns, since it defines them. */
export const DATASET_FILE: NodeFileSpec = {
  kind: 'node',
  file: 'nodes/datasets.csv',
  label: Label.Dataset,
  columns: [
    { ...column('id', 'string', required), parse: z.string().regex(DATASET_ID, 'is not a dataset id (lowercase letters, digits, "." and "-")') },
    column('name', 'string', required),
    column('url', 'string'),
    column('licence', 'string', required),
    column('credit', 'string', required),
    column('retrieved', 'date'),
    column('changes', 'string'),
    enumColumn('source_urls', SOURCE_URL_POLICIES, required),
  ],
};

/** Node files, in load order (all nodes load before any relationship; datasets first of all). */
export const NODE_FILES: readonly NodeFileSpec[] = [
  DATASET_FILE,
  nodeFile('programmes.csv', Label.Programme, [
    column('name', 'string', required),
    column('short_name', 'string', required),
    column('period', 'string'),
    // Open: Interreg V-A, Interreg V-B, IPA CBC, ENI CBC, ENPI CBC, ESPON, URBACT, PEACE, …
    column('kind', 'string', required),
    column('area_as_stated', 'string'),
    column('managing_authority', 'string'),
    column('budget_as_stated', 'string'),
    column('platform_call_open', 'boolean'),
  ]),
  nodeFile('projects.csv', Label.Project, [
    column('code', 'string'),
    column('acronym', 'string'),
    column('title', 'string'),
    column('start_date', 'date'),
    column('end_date', 'date'),
    column('total_budget_eur', 'number'),
    column('eu_funding_eur', 'number'),
    column('programme_funding_eur', 'number'),
    column('thematic_objective_as_stated', 'string'),
    column('regions_as_stated', 'string'),
    column('description', 'string'),
  ]),
  nodeFile('regions.csv', Label.Region, [
    column('name', 'string', required),
    enumColumn('level', REGION_LEVELS, required),
    column('country_code', 'string', required),
    // What the country calls it, as ISO 3166-2 types it: Oblast, Voivodeship, County, …
    column('kind', 'string'),
  ]),
  nodeFile('organizations.csv', Label.Organization, [
    column('name', 'string', required),
    column('country', 'string'),
    column('city', 'string'),
    enumColumn('legal_status', ['public', 'private']),
  ]),
  nodeFile('thematic-areas.csv', Label.ThematicArea, [column('code', 'string'), column('name', 'string', required)]),
  nodeFile('clusters.csv', Label.Cluster, [
    column('name', 'string', required),
    enumColumn('kind', ['project_platform', 'regional_project_cluster', 'industrial_cluster'], required),
    column('description', 'string'),
    column('established', 'date'),
  ]),
  nodeFile('people.csv', Label.Person, [column('name', 'string', required), column('position', 'string')]),
  nodeFile('events.csv', Label.Event, [
    column('name', 'string', required),
    enumColumn('kind', ['forum', 'round_table'], required),
    column('start_date', 'date'),
    column('end_date', 'date'),
    column('city', 'string'),
  ]),
  nodeFile('calls.csv', Label.Call, [
    // As the programme writes it: 1, SM1, PLSK.01.01.00-IP.01-00-002/17; unique within its programme.
    column('serial_number', 'string', required),
    column('start_date', 'date'),
    column('end_date', 'date'),
    column('budget_eur', 'number'),
  ]),
  // One node per identifier a source gives a project, id `<scheme>:<value>` (see EXTERNAL_ID_SCHEMES).
  // Nodes rather than a list property on Project: a range index holds a list as one value (it
  // finds `n.ids = [...]`, never `$id IN n.ids`) and a full-text index matches analysed words,
  // not exact values; an ExternalId's id is one exact entry of the id uniqueness index every
  // label has, so a lookup is one seek, and import, dataset sweep and export need nothing new.
  nodeFile(
    'external-ids.csv',
    Label.ExternalId,
    [
      { ...column('scheme', 'string', required), parse: z.string().regex(EXTERNAL_ID_SCHEME, 'is not a scheme (lowercase letters, digits and "-")') },
      column('value', 'string', required),
    ],
    {
      idFrom: (cell) => {
        const [scheme, value] = [cell('scheme'), cell('value')];
        return typeof scheme === 'string' && typeof value === 'string' ? externalIdKey(scheme, value) : undefined;
      },
    },
  ),
];

/** Relationship files, one per relationship type. */
export const RELATIONSHIP_FILES: readonly RelationshipFileSpec[] = [
  relationshipFile(RelType.FUNDED_BY, [pair(Label.Project, Label.Programme)]),
  relationshipFile(
    RelType.PARTICIPATES_IN,
    [pair(Label.Organization, Label.Project)],
    [enumColumn('role', ['lead', 'partner', 'associated', 'unknown'], required), column('budget_eur', 'number'), column('name_as_stated', 'string'), column('match_score', 'number'), column('match_reason', 'string')],
  ),
  relationshipFile(RelType.LOCATED_IN, [pair(Label.Project, Label.Region)]),
  relationshipFile(RelType.ADDRESSES, [pair(Label.Project, Label.ThematicArea)]),
  relationshipFile(RelType.MEMBER_OF, [pair(Label.Project, Label.Cluster)]),
  relationshipFile(RelType.SUPPORTED_BY, [pair(Label.Cluster, Label.Programme)]),
  relationshipFile(RelType.BASED_IN, [pair(Label.Cluster, Label.Region), pair(Label.Organization, Label.Region)]),
  relationshipFile(RelType.FOCUSES_ON, [pair(Label.Cluster, Label.ThematicArea)]),
  relationshipFile(RelType.COORDINATES, [pair(Label.Organization, Label.Cluster)]),
  relationshipFile(
    RelType.COVERS,
    [pair(Label.Programme, Label.Region)],
    [enumColumn('eligibility', ['core', 'adjoining'], required)],
  ),
  relationshipFile(RelType.PART_OF, [pair(Label.Region, Label.Region), pair(Label.Event, Label.Event)]),
  relationshipFile(RelType.WORKS_FOR, [pair(Label.Person, Label.Organization)], [column('position', 'string')]),
  relationshipFile(RelType.SPOKE_AT, [pair(Label.Person, Label.Event)], [column('topic', 'string')]),
  relationshipFile(RelType.ORGANIZED, [pair(Label.Organization, Label.Event)]),
  relationshipFile(RelType.HELD_IN, [pair(Label.Event, Label.Region)]),
  relationshipFile(RelType.PRESENTED_AT, [pair(Label.Cluster, Label.Event), pair(Label.Project, Label.Event)]),
  relationshipFile(RelType.AGREEMENT_SIGNED_AT, [pair(Label.Project, Label.Event)]),
  relationshipFile(RelType.OPENED_BY, [pair(Label.Call, Label.Programme)], [], { onePerFrom: true }),
  relationshipFile(RelType.FUNDED_UNDER, [pair(Label.Project, Label.Call)], [], { onePerFrom: true }),
  relationshipFile(RelType.IDENTIFIED_BY, [pair(Label.Project, Label.ExternalId)], [], { onePerTo: true }),
];

/** Every seed file: nodes first, then relationships. */
export const SEED_FILES: readonly SeedFileSpec[] = [...NODE_FILES, ...RELATIONSHIP_FILES];

/** The node file of a label. */
export function nodeFileOf(label: Label): NodeFileSpec {
  const spec = NODE_FILES.find((candidate) => candidate.label === label);
  if (!spec) throw new Error(`No seed file declared for label ${label}`);
  return spec;
}
