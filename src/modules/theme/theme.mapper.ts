/** Responsible for mapping stored theme properties (plain values from the executor) to domain objects. */
import type { PlainValue } from '../../neo4j/mapping';
import { optionalString, provenanceOf } from '../shared/provenance';
import type { ThematicArea } from './theme.type';

type Properties = Record<string, PlainValue>;

/** Maps stored thematic-area properties to a ThematicArea. */
export function toThematicArea(node: Properties): ThematicArea {
  return {
    id: String(node.id),
    code: optionalString(node.code),
    name: String(node.name),
    ...provenanceOf(node),
  };
}
