/** Company by slug (v2 "Company slug → id": medium-high; D13: only WebFullCompanyMain-12; followingInfo is the follow read-back). */
import { json, notFound } from '../http';
import { companyBySlug } from '../state';
import type { Route } from './types';

export const companyRoutes: Route[] = [
  {
    endpoint: 'company',
    method: 'GET',
    path: /^\/organization\/companies$/,
    query: {
      decorationId: 'com.linkedin.voyager.deco.organization.web.WebFullCompanyMain-12',
      q: 'universalName',
      universalName: /^.+$/,
    },
    body: 'none',
    write: false,
    handle: ({ state, query }) => {
      const company = companyBySlug(state, query.universalName ?? '');
      if (!company) throw notFound();
      const urn = `urn:li:fs_normalized_company:${company.id}`;
      const following = state.following.has(`company:${company.id}`);
      return json(200, {
        data: { '*elements': [urn] },
        included: [
          {
            $type: 'com.linkedin.voyager.organization.Company',
            entityUrn: urn,
            universalName: company.slug,
            name: company.name,
            followingInfo: { following, followerCount: company.followerCount + (following ? 1 : 0) },
          },
        ],
      });
    },
  },
];
