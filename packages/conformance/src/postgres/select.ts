import { startDocker } from './docker.js';
import { startEmbedded } from './embedded.js';
import { SetupError, type PostgresServer, type ProviderKind } from './types.js';
import { connectUrl } from './url.js';

/** How the caller asked for a server. */
export interface ProviderRequest {
  /** `--db`: which provider; inferred when omitted. */
  db?: ProviderKind;
  /** `--database-url` (or the variable `--database-url-env` names); never read from the environment here. */
  databaseUrl?: string;
  port?: number;
  logStatements?: boolean;
  handleSignals?: boolean;
}

/**
 * Decides which provider to use: a URL when one is given, Docker only
 * when asked for, otherwise the embedded server.
 * @throws {SetupError} when `--db url` has no URL.
 */
export function chooseProvider(request: ProviderRequest): ProviderKind {
  if (
    request.db === 'url' ||
    (request.db === undefined && request.databaseUrl !== undefined && request.databaseUrl !== '')
  ) {
    if (request.databaseUrl === undefined || request.databaseUrl === '') {
      throw new SetupError('--db url needs --database-url or --database-url-env');
    }
    return 'url';
  }
  return request.db ?? 'embedded';
}

/** Starts or connects to the server the request names. */
export async function openServer(request: ProviderRequest): Promise<PostgresServer> {
  const kind = chooseProvider(request);
  const common = {
    ...(request.logStatements !== undefined ? { logStatements: request.logStatements } : {}),
    ...(request.handleSignals !== undefined ? { handleSignals: request.handleSignals } : {}),
  };
  switch (kind) {
    case 'url':
      return connectUrl(request.databaseUrl ?? '');
    case 'docker':
      return startDocker(common);
    case 'embedded':
      return startEmbedded({ ...common, ...(request.port !== undefined ? { port: request.port } : {}) });
  }
}
