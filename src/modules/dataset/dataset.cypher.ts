/** Responsible for the Cypher of the dataset queries. A graph holds a handful of datasets. */
import { Label } from '../../neo4j/graph-schema';
import { nodeProjection } from '../../neo4j/projection';

/** Every dataset by id; at most `$limit`. */
export const allDatasets = `
MATCH (d:${Label.Dataset})
WITH d ORDER BY d.id LIMIT $limit
RETURN ${nodeProjection(Label.Dataset, 'd')} AS dataset`;
