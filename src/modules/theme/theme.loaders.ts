/** Responsible for the per-request DataLoaders of the theme domain. */
import type { Executor } from '../../neo4j/executor';
import { Label } from '../../neo4j/graph-schema';
import { nodeByIdLoader, relatedLoader } from '../shared/loaders';
import { toCluster } from '../cluster/cluster.repository';
import { toProject } from '../project/project.repository';
import { themePaths } from './theme.cypher';
import { toThematicArea } from './theme.repository';

/** Builds the theme loaders for one request; never share them across requests. */
export function createThemeLoaders(executor: Executor) {
  return {
    byId: nodeByIdLoader(executor, Label.ThematicArea, toThematicArea),
    projects: relatedLoader(executor, themePaths.projects, ({ node }) => toProject(node)),
    clusters: relatedLoader(executor, themePaths.clusters, ({ node }) => toCluster(node)),
  };
}
export type ThemeLoaders = ReturnType<typeof createThemeLoaders>;
