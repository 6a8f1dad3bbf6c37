import { Field, ID, ObjectType } from 'type-graphql';
import { Region } from '../region/region.type';
import { connectionTypes } from '../shared/pagination';
import { SOURCE_DESCRIPTION } from '../shared/provenance';

@ObjectType({ description: 'A 2014-2020 cross-border cooperation programme (Interreg or ENI CBC)' })
export class Programme {
  @Field(() => ID, { description: 'Stable slug, e.g. kolarctic-2014-2020' })
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'Short name, e.g. Kolarctic' })
  shortName!: string;

  @Field(() => String, { nullable: true, description: 'Programming period, e.g. 2014-2020' })
  period!: string | null;

  @Field({ description: 'The strand, as the field names it: "Interreg V-A", "Interreg V-B", "IPA CBC", "ENI CBC", "ENPI CBC", "ESPON", "URBACT", "PEACE", …' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'Programme area as the source words it' })
  areaAsStated!: string | null;

  @Field(() => String, { nullable: true })
  managingAuthority!: string | null;

  @Field(() => String, { nullable: true, description: 'Budget as the source words it (amounts, currencies and shares vary)' })
  budgetAsStated!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether projects may still apply for a new platform; null where no source says',
  })
  platformCallOpen!: boolean | null;

  @Field(() => String, { description: SOURCE_DESCRIPTION })
  source!: string;

  @Field(() => [String])
  sourceUrls!: string[];
}

@ObjectType({ description: 'A region in a programme’s area, and whether it is a core or an adjoining region' })
export class ProgrammeCoverage {
  @Field({ description: 'One of "core", "adjoining"' })
  eligibility!: string;

  @Field(() => Region)
  region!: Region;

  @Field(() => String, { description: SOURCE_DESCRIPTION })
  source!: string;

  @Field(() => [String])
  sourceUrls!: string[];
}

@ObjectType()
export class ProgrammeConnection extends connectionTypes(Programme, 'Programme') {}
