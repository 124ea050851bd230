import type { FastifyInstance } from 'fastify';
import { route } from '../../platform/http.ts';
import { VERSION, type HealthService } from './health.service.ts';

/** Liveness and readiness probes for load balancers and orchestrators. */
export function healthRoutes(app: FastifyInstance, { health }: { health: HealthService }): void {
  route(app, 'health', async () => ({ status: 'ok' as const, version: VERSION }));
  route(app, 'ready', async () => health.readiness());
}
