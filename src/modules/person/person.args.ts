import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { PageArgs, SortDirection } from '../shared/pagination';

export enum PersonSortField {
  NAME = 'NAME',
}
registerEnumType(PersonSortField, { name: 'PersonSortField' });

@InputType({ description: 'All given filters must hold (AND)' })
export class PersonFilter {
  @Field(() => ID, { nullable: true, description: 'Works for this organization' })
  organizationId?: string;

  @Field(() => String, { nullable: true, description: 'Case-insensitive match on name' })
  text?: string;
}

@InputType()
export class PersonSort {
  @Field(() => PersonSortField)
  field!: PersonSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

@ArgsType()
export class PeopleArgs extends PageArgs {
  @Field(() => PersonFilter, { nullable: true })
  filter?: PersonFilter;

  @Field(() => PersonSort, { nullable: true, description: 'Default: by name, ascending' })
  sort?: PersonSort;
}
