/** Responsible for mapping stored external-id properties (plain values from the executor) to domain objects. */
import type { PlainValue } from '../../neo4j/mapping';
import { provenanceOf } from '../shared/provenance';
import type { ExternalId } from './external-id.type';

/** Maps stored ExternalId properties to an ExternalId. */
export function toExternalId(node: Record<string, PlainValue>): ExternalId {
  return { scheme: String(node.scheme), value: String(node.value), ...provenanceOf(node) };
}
