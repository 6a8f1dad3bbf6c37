import { Field, Float, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { connectionTypes } from '../shared/pagination';
import { SOURCE_DESCRIPTION } from '../shared/provenance';

@ObjectType({ description: 'A call for proposals a programme opened; the projects it selected are funded under it' })
export class Call {
  @Field(() => ID, { description: 'Programme id, "-call-", slug of the serial number: interreg-v-a-central-baltic-2014-2020-call-2' })
  id!: string;

  @Field({ description: 'Serial number as the programme writes it ("2", "SM1", "PLSK.01.01.00-IP.01-00-002/17"); unique within the programme' })
  serialNumber!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day the call opened, where stated' })
  startDate!: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The day the call closed, where stated' })
  endDate!: string | null;

  @Field(() => Float, { nullable: true, description: 'Budget of the call in euros, as the source states it (keep.eu states 0 for some calls)' })
  budgetEur!: number | null;

  @Field(() => String, { description: SOURCE_DESCRIPTION })
  source!: string;

  @Field(() => [String])
  sourceUrls!: string[];
}

@ObjectType()
export class CallConnection extends connectionTypes(Call, 'Call') {}
