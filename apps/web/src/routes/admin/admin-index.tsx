import { Navigate } from 'react-router';

/** `/admin` opens the operator's first page. */
export function AdminIndex() {
  return <Navigate to="/admin/communities" replace />;
}
