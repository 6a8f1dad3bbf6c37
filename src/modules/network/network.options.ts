/**
 * Responsible for reading a network request from named text values, the same way for the
 * command line (`--min-weight 2`) and the HTTP query string (`minWeight=2`): every problem is
 * listed at once, each naming the option as the caller spelled it.
 */
import { REGION_LEVELS, type RegionLevelName } from '../../seed/seed-files';
import type { ProjectScope } from '../project/project-scope.cypher';
import { NETWORK_FORMATS, NETWORK_TABLES, type NetworkFormat, type NetworkTable } from './network.format';
import { DEFAULT_NETWORK_LIMITS, NETWORK_KINDS, type NetworkKind, type NetworkLimits, type NetworkRequest } from './network.type';

/** Every option a network request reads, by its canonical name. */
export type NetworkOption =
  | 'nodes'
  | 'format'
  | 'table'
  | 'programme'
  | 'region'
  | 'theme'
  | 'dataset'
  | 'minWeight'
  | 'level'
  | 'maxNodes'
  | 'maxEdges';

/** One thing wrong with the options; `option` names it where one option is at fault. */
export interface OptionProblem {
  option?: NetworkOption;
  message: string;
}

export interface ParsedNetworkOptions {
  request: NetworkRequest;
  format: NetworkFormat;
  table: NetworkTable;
}

const WHOLE_NUMBER = /^\d{1,9}$/;

function oneOf<T extends string>(values: readonly T[], value: string): T | undefined {
  return values.find((candidate) => candidate === value);
}

/**
 * Reads `values` (absent options undefined). `spell` names an option as the caller writes it;
 * `defaults` fills options the caller left out (the CLI infers the format from the file name).
 * Returns the request or every problem found.
 */
export function parseNetworkOptions(
  values: Partial<Record<NetworkOption, string>>,
  spell: (option: NetworkOption) => string,
  defaults: { format?: NetworkFormat; limits?: NetworkLimits; raisableLimits?: boolean } = {},
): { options: ParsedNetworkOptions; problems: [] } | { options?: undefined; problems: OptionProblem[] } {
  const problems: OptionProblem[] = [];
  const problem = (option: NetworkOption, message: string) => problems.push({ option, message: `${spell(option)}${message}` });
  const shown = (value: string) => `"${value.length > 80 ? `${value.slice(0, 80)}…` : value}"`;
  const choice = <T extends string>(option: NetworkOption, choices: readonly T[], fallback: T | undefined): T | undefined => {
    const value = values[option];
    if (value === undefined) {
      if (fallback === undefined) problem(option, ` is required: one of ${choices.join(', ')}`);
      return fallback;
    }
    const chosen = oneOf(choices, value);
    if (chosen === undefined) problem(option, `: expected one of ${choices.join(', ')}, got ${shown(value)}`);
    return chosen;
  };
  const count = (option: NetworkOption, fallback: number, minimum: number): number => {
    const value = values[option];
    if (value === undefined) return fallback;
    if (!WHOLE_NUMBER.test(value) || Number(value) < minimum) {
      problem(option, `: expected a whole number of at least ${minimum}, got ${shown(value)}`);
      return fallback;
    }
    return Number(value);
  };
  const id = (option: NetworkOption): string | undefined => {
    const value = values[option];
    if (value !== undefined && value.trim() === '') problem(option, ': expected an id, got nothing');
    return value;
  };

  const nodes = choice<NetworkKind>('nodes', NETWORK_KINDS, undefined);
  const format = choice<NetworkFormat>('format', NETWORK_FORMATS, defaults.format ?? 'graphml');
  const table = choice<NetworkTable>('table', NETWORK_TABLES, 'edges');
  const level = choice<RegionLevelName>('level', REGION_LEVELS, 'country');
  if (values.level !== undefined && nodes !== undefined && nodes !== 'regions') problem('level', ` applies to ${spell('nodes')} regions only`);
  const minWeight = count('minWeight', 1, 1);
  const base = defaults.limits ?? DEFAULT_NETWORK_LIMITS;
  if (!defaults.raisableLimits) {
    for (const option of ['maxNodes', 'maxEdges'] as const) if (values[option] !== undefined) problem(option, ' cannot be set here');
  }
  const limits: NetworkLimits = {
    maxProjects: base.maxProjects,
    maxNodes: defaults.raisableLimits ? count('maxNodes', base.maxNodes, 1) : base.maxNodes,
    maxEdges: defaults.raisableLimits ? count('maxEdges', base.maxEdges, 0) : base.maxEdges,
  };
  const scope: ProjectScope = { programmeId: id('programme'), regionId: id('region'), themeId: id('theme'), datasetId: id('dataset') };
  if (problems.length > 0 || !nodes || !format || !table || !level) return { problems };
  return { options: { request: { nodes, scope, minWeight, level, limits }, format, table }, problems: [] };
}
