/**
 * Responsible for naming the graph: node labels and relationship types as constants,
 * so Cypher is never assembled from anything but these names.
 */

export const Label = {
  Dataset: 'Dataset',
  Programme: 'Programme',
  Project: 'Project',
  Region: 'Region',
  Organization: 'Organization',
  ThematicArea: 'ThematicArea',
  Cluster: 'Cluster',
  Person: 'Person',
  Event: 'Event',
  Call: 'Call',
  ExternalId: 'ExternalId',
} as const;
export type Label = (typeof Label)[keyof typeof Label];

export const RelType = {
  FUNDED_BY: 'FUNDED_BY',
  PARTICIPATES_IN: 'PARTICIPATES_IN',
  LOCATED_IN: 'LOCATED_IN',
  ADDRESSES: 'ADDRESSES',
  MEMBER_OF: 'MEMBER_OF',
  SUPPORTED_BY: 'SUPPORTED_BY',
  BASED_IN: 'BASED_IN',
  FOCUSES_ON: 'FOCUSES_ON',
  COORDINATES: 'COORDINATES',
  COVERS: 'COVERS',
  PART_OF: 'PART_OF',
  WORKS_FOR: 'WORKS_FOR',
  SPOKE_AT: 'SPOKE_AT',
  ORGANIZED: 'ORGANIZED',
  HELD_IN: 'HELD_IN',
  PRESENTED_AT: 'PRESENTED_AT',
  AGREEMENT_SIGNED_AT: 'AGREEMENT_SIGNED_AT',
  OPENED_BY: 'OPENED_BY',
  FUNDED_UNDER: 'FUNDED_UNDER',
  IDENTIFIED_BY: 'IDENTIFIED_BY',
} as const;
export type RelType = (typeof RelType)[keyof typeof RelType];
