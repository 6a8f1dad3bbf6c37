/** Responsible for reading clusters from Neo4j as domain objects. */
import type { Executor } from '../../neo4j/executor';
import type { PlainValue } from '../../neo4j/mapping';
import type { Page, PageWindow } from '../shared/pagination';
import { runListStatement, textFilter } from '../shared/list';
import { optionalString, provenanceOf } from '../shared/provenance';
import { ClusterSortField, type ClusterFilter, type ClusterSort } from './cluster.args';
import { clusterListStatements } from './cluster.cypher';
import { ClusterKind, type Cluster } from './cluster.type';

type Properties = Record<string, PlainValue>;

const knownKinds = new Set<string>(Object.values(ClusterKind));

/** Maps stored cluster properties to a Cluster; throws on a kind the schema cannot represent. */
export function toCluster(node: Properties): Cluster {
  const kind = String(node.kind ?? '');
  // Fail here, naming the value, rather than as an anonymous enum serialisation error.
  if (!knownKinds.has(kind)) throw new Error(`Stored cluster "${String(node.id)}" has unknown kind "${kind}"`);
  return {
    id: String(node.id),
    name: String(node.name),
    kind: kind as ClusterKind,
    description: optionalString(node.description),
    established: optionalString(node.established),
    ...provenanceOf(node),
  };
}

export class ClusterRepository {
  constructor(private readonly executor: Executor) {}

  /** One page of clusters matching the filter, in the requested order. */
  list(filter: ClusterFilter | undefined, sort: ClusterSort | undefined, window: PageWindow): Promise<Page<Cluster>> {
    return runListStatement(
      this.executor,
      clusterListStatements,
      sort,
      ClusterSortField.NAME,
      {
        kind: filter?.kind ?? null,
        programmeId: filter?.programmeId ?? null,
        regionId: filter?.regionId ?? null,
        minProgrammes: filter?.minProgrammes ?? null,
        text: textFilter(filter?.text),
      },
      window,
      toCluster,
    );
  }
}
