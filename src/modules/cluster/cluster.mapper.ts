/** Responsible for mapping stored cluster properties (plain values from the executor) to domain objects. */
import type { PlainValue } from '../../neo4j/mapping';
import { optionalString, provenanceOf } from '../shared/provenance';
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
