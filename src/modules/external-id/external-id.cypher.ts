/** Every Cypher statement of the external-id domain: projects by external id (Project.externalIds is declared in relationships/). */
import { Label, RelType } from '../../neo4j/graph-schema';
import { nodeProjection } from '../../neo4j/projection';

// The ExternalId's id is `<scheme>:<value>`, so the lookup is one seek in the id uniqueness index.
export const projectsByExternalIdKeys = [
  'UNWIND $keys AS key',
  `MATCH (:${Label.ExternalId} {id: key})<-[:${RelType.IDENTIFIED_BY}]-(project:${Label.Project})`,
  `RETURN key, ${nodeProjection(Label.Project, 'project')} AS project`,
].join('\n');
