/** Short labels of inputs for the audit log and messages. */
import type { CompanyRef, PostRef, ProfileRef } from '../../contract/inputs';

export function profileLabel(ref: ProfileRef): string {
  switch (ref.kind) {
    case 'slug':
      return ref.slug;
    case 'member':
      return `urn:li:member:${ref.memberId}`;
    case 'profile':
      return ref.urn;
  }
}

export function companyLabel(ref: CompanyRef): string {
  return ref.kind === 'id' ? ref.id : ref.slug;
}

export function postLabel(ref: PostRef): string {
  return ref.threadUrn;
}
