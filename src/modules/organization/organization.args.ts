import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { PageArgs, SortDirection } from '../shared/pagination';
import { ParticipationRole } from '../project/project.type';

export enum OrganizationSortField {
  NAME = 'NAME',
  ID = 'ID',
  PROJECT_COUNT = 'PROJECT_COUNT',
}
registerEnumType(OrganizationSortField, {
  name: 'OrganizationSortField',
  valuesConfig: { PROJECT_COUNT: { description: 'Number of projects the organization takes part in' } },
});

@InputType({ description: 'All given filters must hold (AND)' })
export class OrganizationFilter {
  @Field(() => ID, { nullable: true, description: 'Takes part in a project funded by this programme' })
  programmeId?: string;

  @Field(() => ID, { nullable: true, description: 'Takes part in this project' })
  projectId?: string;

  @Field(() => ID, { nullable: true, description: 'Based in this region or any of its sub-regions' })
  regionId?: string;

  @Field(() => String, { nullable: true, description: 'Country, exact but case-insensitive' })
  country?: string;

  @Field(() => ParticipationRole, {
    nullable: true,
    description: 'Has at least one participation in this role; with projectId or programmeId, in that project or programme',
  })
  role?: ParticipationRole;

  @Field(() => String, { nullable: true, description: 'Case-insensitive match on name' })
  text?: string;
}

@InputType()
export class OrganizationSort {
  @Field(() => OrganizationSortField)
  field!: OrganizationSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => OrganizationFilter, { nullable: true })
  filter?: OrganizationFilter;

  @Field(() => OrganizationSort, { nullable: true, description: 'Default: by name, ascending' })
  sort?: OrganizationSort;
}
