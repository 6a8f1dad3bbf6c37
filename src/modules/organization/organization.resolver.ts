/** Responsible for the organization queries: one by id, and the filtered, sorted, paginated list. Relationship fields are generated (relationships/). */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import { pageWindow, toConnection } from '../shared/pagination';
import { selectsField } from '../shared/selection';
import { OrganizationsArgs } from './organization.args';
import { Organization, OrganizationAlias, OrganizationConnection } from './organization.type';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { description: 'One organization by id; NOT_FOUND if there is none' })
  async organization(@Arg('id', () => ID) id: string, @Ctx() { nodes }: Context): Promise<Organization> {
    const found = await nodes.organization.load(id);
    if (!found) throw new NotFoundError('Organization', id);
    return found;
  }

  @Query(() => OrganizationConnection, { description: 'Organizations, filtered, sorted and paginated' })
  async organizations(@Args() args: OrganizationsArgs, @Ctx() { repositories, maxPageSize }: Context, @Info() info: GraphQLResolveInfo) {
    const window = pageWindow(args, maxPageSize);
    return toConnection(await repositories.organization.list(args.filter, args.sort, window, selectsField(info, 'totalCount')));
  }

  @FieldResolver(() => [OrganizationAlias], {
    description:
      'Every name this organization is stated under (the partner rows of each dataset, and its own name), most projects first, at most 50. The import matches partner records across spellings, languages and quote styles; each alias carries the score and reason of its match.',
  })
  aliases(@Root() organization: Organization, @Ctx() { organizationAliases }: Context): Promise<OrganizationAlias[]> {
    return organizationAliases.load(organization.id);
  }
}
