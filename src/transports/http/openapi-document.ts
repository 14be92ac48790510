import { loadConfig, Metrics, ParamService, SqliteStore, systemClock } from '../../core/index.js';
import { buildHttpApp } from './app.js';

/**
 * The OpenAPI document as the route schemas generate it, serialised the way it
 * is committed in openapi/openapi.json (a test fails when the two differ).
 */
export async function generateOpenApiDocument(): Promise<string> {
  const config = { ...loadConfig({}), computeWorkers: 0 };
  const store = new SqliteStore(':memory:');
  const service = new ParamService(config, store, systemClock);
  try {
    const app = await buildHttpApp({ service, metrics: new Metrics(store, systemClock), logger: false });
    const doc = app.swagger();
    await app.close();
    return `${JSON.stringify(doc, null, 2)}\n`;
  } finally {
    await service.close();
  }
}
