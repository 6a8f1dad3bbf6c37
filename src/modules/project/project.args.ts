import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ExternalIdInput } from '../external-id/external-id.args';
import { PageArgs, SortDirection } from '../shared/pagination';

export enum ProjectSortField {
  TITLE = 'TITLE',
  START_DATE = 'START_DATE',
  END_DATE = 'END_DATE',
  TOTAL_BUDGET = 'TOTAL_BUDGET',
  ID = 'ID',
}
registerEnumType(ProjectSortField, { name: 'ProjectSortField' });

@InputType({ description: 'All given filters must hold (AND)' })
export class ProjectFilter {
  @Field(() => ID, { nullable: true, description: 'Funded by this programme' })
  programmeId?: string;

  @Field(() => ID, { nullable: true, description: 'Located in this region or any of its sub-regions' })
  regionId?: string;

  @Field(() => ID, { nullable: true, description: 'Addresses this thematic area' })
  themeId?: string;

  @Field(() => ID, { nullable: true, description: 'This organization takes part (any role)' })
  organizationId?: string;

  @Field(() => ID, { nullable: true, description: 'Member of this cluster' })
  clusterId?: string;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Still running on or after this day (projects with no end date count as running after their start)',
  })
  activeFrom?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Started on or before this day' })
  activeTo?: string;

  @Field(() => String, { nullable: true, description: 'Case-insensitive match on title, acronym or code' })
  text?: string;

  @Field(() => String, { nullable: true, description: 'Only facts of this dataset (its id, e.g. keep-eu-2019 or cbc)' })
  source?: string;

  @Field(() => ExternalIdInput, { nullable: true, description: 'Known by this external id (an unknown one is BAD_USER_INPUT, like an unknown id filter)' })
  externalId?: ExternalIdInput;
}

@InputType()
export class ProjectSort {
  @Field(() => ProjectSortField)
  field!: ProjectSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

@ArgsType()
export class ProjectsArgs extends PageArgs {
  @Field(() => ProjectFilter, { nullable: true })
  filter?: ProjectFilter;

  @Field(() => ProjectSort, { nullable: true, description: 'Default: by title, ascending' })
  sort?: ProjectSort;
}
