import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { PageArgs, SortDirection } from '../shared/pagination';

export enum CallSortField {
  START_DATE = 'START_DATE',
  ID = 'ID',
}
registerEnumType(CallSortField, {
  name: 'CallSortField',
  valuesConfig: { START_DATE: { description: 'Opening day; calls without one last (ascending), ties by id' } },
});

@InputType({ description: 'All given filters must hold (AND)' })
export class CallFilter {
  @Field(() => ID, { nullable: true, description: 'Opened by this programme' })
  programmeId?: string;

  @Field(() => String, { nullable: true, description: 'Case-insensitive word-prefix match on the serial number' })
  text?: string;

  @Field(() => String, { nullable: true, description: 'Only calls of this dataset (its id, e.g. keep-eu-2019)' })
  source?: string;
}

@InputType()
export class CallSort {
  @Field(() => CallSortField)
  field!: CallSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

@ArgsType()
export class CallsArgs extends PageArgs {
  @Field(() => CallFilter, { nullable: true })
  filter?: CallFilter;

  @Field(() => CallSort, { nullable: true, description: 'Default: by start date, ascending' })
  sort?: CallSort;
}
