/**
 * Responsible for the per-request context: a request id, an executor that counts the
 * request's Cypher statements, and fresh DataLoaders (caches must not outlive a request).
 */
import { randomUUID } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { DEFAULT_QUERY_TIMEOUT_MS } from './limits/query-limits';
import { Executor } from './neo4j/executor';
import { AnalyticsRepository } from './modules/analytics/analytics.repository';
import { createClusterLoaders } from './modules/cluster/cluster.loaders';
import { createEventLoaders } from './modules/event/event.loaders';
import { createOrganizationLoaders } from './modules/organization/organization.loaders';
import { createPersonLoaders } from './modules/person/person.loaders';
import { createProgrammeLoaders } from './modules/programme/programme.loaders';
import { createProjectLoaders } from './modules/project/project.loaders';
import { createRegionLoaders } from './modules/region/region.loaders';
import { createThemeLoaders } from './modules/theme/theme.loaders';
import { ClusterRepository } from './modules/cluster/cluster.repository';
import { EventRepository } from './modules/event/event.repository';
import { OrganizationRepository } from './modules/organization/organization.repository';
import { PersonRepository } from './modules/person/person.repository';
import { ProgrammeRepository } from './modules/programme/programme.repository';
import { ProjectRepository } from './modules/project/project.repository';
import { RegionRepository } from './modules/region/region.repository';
import { ThemeRepository } from './modules/theme/theme.repository';

export interface ContextSettings {
  driver: Driver;
  database: string;
  maxPageSize: number;
  /** Transaction timeout of every statement of the request; QUERY_TIMEOUT_MS, 5,000 ms by default. */
  queryTimeoutMs?: number;
}

/** Builds everything one GraphQL request may use. */
export function createContext(settings: ContextSettings, requestId: string = randomUUID()) {
  const executor = new Executor(settings.driver, settings.database, { timeoutMs: settings.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS });
  return {
    requestId,
    executor,
    maxPageSize: settings.maxPageSize,
    loaders: {
      cluster: createClusterLoaders(executor),
      event: createEventLoaders(executor),
      organization: createOrganizationLoaders(executor),
      person: createPersonLoaders(executor),
      programme: createProgrammeLoaders(executor),
      project: createProjectLoaders(executor),
      region: createRegionLoaders(executor),
      theme: createThemeLoaders(executor),
    },
    repositories: {
      analytics: new AnalyticsRepository(executor),
      cluster: new ClusterRepository(executor),
      event: new EventRepository(executor),
      organization: new OrganizationRepository(executor),
      person: new PersonRepository(executor),
      programme: new ProgrammeRepository(executor),
      project: new ProjectRepository(executor),
      region: new RegionRepository(executor),
      theme: new ThemeRepository(executor),
    },
  };
}
export type Context = ReturnType<typeof createContext>;
