import { useQuery } from '@tanstack/react-query';
import { apiCall } from './client.ts';

/** A person's page: their name and the memberships the viewer may see. */
export function usePerson(id: string) {
  return useQuery({
    queryKey: ['person', id],
    queryFn: ({ signal }) => apiCall('getPerson', { params: { id }, signal }),
  });
}
