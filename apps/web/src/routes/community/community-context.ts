import type { Community, Me } from '@discuss/contracts';
import { useOutletContext } from 'react-router';

export interface CommunityContext {
  community: Community;
  /** The signed-in person, or null for a guest. */
  me: Me | null;
}

/** The community loaded by CommunityLayout, for its section pages. */
export function useCommunityContext(): CommunityContext {
  return useOutletContext<CommunityContext>();
}
