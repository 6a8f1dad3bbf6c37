import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { PageArgs, SortDirection } from '../shared/pagination';

export enum ProgrammeSortField {
  NAME = 'NAME',
  ID = 'ID',
  PROJECT_COUNT = 'PROJECT_COUNT',
}
registerEnumType(ProgrammeSortField, {
  name: 'ProgrammeSortField',
  valuesConfig: { PROJECT_COUNT: { description: 'Number of projects the programme funds (Programme.projectCount)' } },
});

@InputType({ description: 'All given filters must hold (AND)' })
export class ProgrammeFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive match on name or short name' })
  text?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Covers this region, one of its sub-regions, or a region it lies in (the areas overlap)',
  })
  regionId?: string;

  @Field(() => String, { nullable: true, description: 'A programme kind such as "Interreg V-B" or "ENI CBC" (case-insensitive, the whole name)' })
  kind?: string;
}

@InputType()
export class ProgrammeSort {
  @Field(() => ProgrammeSortField)
  field!: ProgrammeSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

@ArgsType()
export class ProgrammesArgs extends PageArgs {
  @Field(() => ProgrammeFilter, { nullable: true })
  filter?: ProgrammeFilter;

  @Field(() => ProgrammeSort, { nullable: true, description: 'Default: by name, ascending' })
  sort?: ProgrammeSort;
}
