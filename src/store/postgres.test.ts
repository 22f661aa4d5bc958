import { afterAll, beforeAll, describe } from 'vitest';
import { HAS_POSTGRES, startPostgres, type TestPostgres } from '../../test/helpers/postgres.js';
import { PostgresStore, type StorePort } from './index.js';
import { runStoreContract } from './store.contract.js';

describe.skipIf(!HAS_POSTGRES)('PostgresStore', () => {
  let server: TestPostgres;
  let stores = 0;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });

  runStoreContract('PostgresStore (a schema of its own per test)', {
    create: async () => {
      const url = server.url(`contract_${++stores}`);
      const handles: StorePort[] = [await PostgresStore.open(url)];
      const closeAll = async (): Promise<void> => {
        for (const h of handles.splice(0)) await h.close();
      };
      return {
        store: handles[0]!,
        second: async () => {
          const other = await PostgresStore.open(url);
          handles.push(other);
          return other;
        },
        reopen: async () => {
          await closeAll();
          const again = await PostgresStore.open(url);
          handles.push(again);
          return again;
        },
        cleanup: closeAll,
      };
    },
  });
});
