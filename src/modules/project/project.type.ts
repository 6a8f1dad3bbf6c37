import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Organization } from '../organization/organization.type';
import { connectionTypes } from '../shared/pagination';
import { SOURCE_DESCRIPTION } from '../shared/provenance';

@ObjectType({ description: 'A cross-border cooperation project funded by one programme' })
export class Project {
  @Field(() => ID, { description: 'The programme’s project code where it has one (e.g. KO1029), else a stable slug' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Project code as the programme writes it' })
  code!: string | null;

  @Field(() => String, { nullable: true })
  acronym!: string | null;

  @Field(() => String, { nullable: true, description: 'Full title; absent where no source states it' })
  title!: string | null;

  @Field({ description: 'A label to show: the title, else the acronym, else the code or id' })
  name!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  startDate!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  endDate!: string | null;

  @Field(() => Float, { nullable: true, description: 'Total budget in euros, as the source states it' })
  totalBudgetEur!: number | null;

  @Field(() => Float, { nullable: true, description: 'EU funding in euros, only where a source states the EU share' })
  euFundingEur!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Programme co-financing in euros (in ENI CBC: EU plus national co-financing)',
  })
  programmeFundingEur!: number | null;

  @Field(() => String, { nullable: true, description: 'Thematic objective as the source words it' })
  thematicObjectiveAsStated!: string | null;

  @Field(() => String, { nullable: true, description: 'Regions as the source words them' })
  regionsAsStated!: string | null;

  @Field(() => String, { nullable: true, description: 'The English description where the source has one (keep.eu\'s "Description EN")' })
  description!: string | null;

  @Field(() => String, { description: SOURCE_DESCRIPTION })
  source!: string;

  @Field(() => [String])
  sourceUrls!: string[];
}

export enum ParticipationRole {
  LEAD = 'lead',
  PARTNER = 'partner',
  ASSOCIATED = 'associated',
  UNKNOWN = 'unknown',
}
registerEnumType(ParticipationRole, {
  name: 'ParticipationRole',
  valuesConfig: {
    LEAD: { description: 'Lead partner (lead applicant / lead beneficiary)' },
    PARTNER: { description: 'Partner (beneficiary)' },
    ASSOCIATED: { description: 'Associated partner, taking part without budget of its own' },
    UNKNOWN: { description: 'The source names the organization without saying its role' },
  },
});

@ObjectType({ description: 'An organization’s part in a project: its role and, where stated, its budget' })
export class Participation {
  @Field(() => ParticipationRole)
  role!: ParticipationRole;

  @Field(() => Float, { nullable: true })
  budgetEur!: number | null;

  @Field(() => String, { description: SOURCE_DESCRIPTION })
  source!: string;

  @Field(() => [String])
  sourceUrls!: string[];

  @Field(() => Organization, { description: 'The partner organization' })
  organization!: Organization;

  @Field(() => Project, { description: 'The project it takes part in' })
  project!: Project;
}

@ObjectType()
export class ProjectConnection extends connectionTypes(Project, 'Project') {}

@ObjectType()
export class ParticipationConnection extends connectionTypes(Participation, 'Participation') {}
