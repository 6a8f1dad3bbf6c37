/** Responsible for mapping stored call properties (plain values from the executor) to domain objects. */
import type { PlainValue } from '../../neo4j/mapping';
import { optionalNumber, optionalString, provenanceOf } from '../shared/provenance';
import type { Call } from './call.type';

type Properties = Record<string, PlainValue>;

/** Maps stored call properties to a Call. */
export function toCall(node: Properties): Call {
  return {
    id: String(node.id),
    serialNumber: String(node.serialNumber),
    startDate: optionalString(node.startDate),
    endDate: optionalString(node.endDate),
    budgetEur: optionalNumber(node.budgetEur),
    ...provenanceOf(node),
  };
}
