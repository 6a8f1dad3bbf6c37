/**
 * Responsible for the whole keep.eu path short of writing: read the export, apply the
 * hand corrections, convert, and hand back seed files in the coopgraph format with every
 * problem and note. The import command validates and loads those files like a seed folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { SeedError } from '../validate';
import { convertKeepEu, type KeepEuOptions } from './convert';
import { applyCorrections, readCorrections } from './corrections';
import { readKeepEuExport } from './read-export';
import { fromRoot } from '../../paths';
import type { SeedTables } from '../seed-tables';
import { readCuratedDecisions } from '../organization-matching/curated-decisions';
import type { MatchResult } from '../organization-matching/match-organizations';

/** Where keep.eu rows point: the export carries no per-project page ids. */
export const KEEP_EU_URL = 'https://keep.eu/';

/** The repository's curation of keep.eu exports, used for the seed and for every import. */
export const REPOSITORY_CURATION = {
  correctionsFile: fromRoot('seed', 'keep-eu', 'corrections.csv'),
  programmeIdsFile: fromRoot('seed', 'keep-eu', 'programme-ids.csv'),
  organizationDecisionsFile: fromRoot('seed', 'organization-matches.csv'),
} as const;

export interface KeepEuSeedOptions extends Omit<KeepEuOptions, 'programmeIds' | 'organizationDecisions'> {
  /** CSV of hand corrections (see corrections.ts); none when absent. */
  correctionsFile?: string;
  /** CSV `keep_eu_id,id,reason`: keep.eu programmes that are programmes the graph already has. */
  programmeIdsFile?: string;
  /** CSV of curated "same" / "different" organization decisions (see curated-decisions.ts). */
  organizationDecisionsFile?: string;
}

export interface KeepEuSeed {
  tables: SeedTables;
  problems: SeedError[];
  notes: string[];
  /** What was read: `keep_closed_1420.xlsx › Partners (8621 rows)`. */
  read: string[];
  organizationMatching?: MatchResult;
}

export async function keepEuSeed(location: string, options: KeepEuSeedOptions): Promise<KeepEuSeed> {
  const source = await readKeepEuExport(location);
  const corrections = options.correctionsFile && existsSync(options.correctionsFile) ? readCorrections(options.correctionsFile) : [];
  const correctionNotes = applyCorrections(source, corrections);
  const programmeIds = options.programmeIdsFile ? readProgrammeIds(options.programmeIdsFile) : new Map<string, string>();
  const curated = options.organizationDecisionsFile ? readCuratedDecisions(options.organizationDecisionsFile) : { decisions: [], problems: [] };
  const conversion = convertKeepEu(source, { ...options, programmeIds, organizationDecisions: curated.decisions });
  return {
    tables: conversion.tables,
    problems: [...curated.problems, ...conversion.problems],
    notes: [...correctionNotes, ...conversion.notes],
    read: source.read,
    organizationMatching: conversion.organizationMatching,
  };
}

function readProgrammeIds(file: string): Map<string, string> {
  const records = parse(readFileSync(file, 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  return new Map(records.map((record) => [record.keep_eu_id, record.id]));
}
