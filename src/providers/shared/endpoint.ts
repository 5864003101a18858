/** What error messages and hints need to know about where a provider lives. */
export interface Endpoint {
  /** e.g. `http://localhost:11434`, shown to the user. */
  origin: string;
  /** e.g. `localhost:11434`. */
  host: string;
  port: string;
  /** The server runs on this machine, so "is it running?" is the useful question. */
  isLoopback: boolean;
}

const LOOPBACK_HOSTNAMES = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;

/** Throws TypeError for a string that is not an absolute URL. */
export function describeEndpoint(baseUrl: string): Endpoint {
  const url = new URL(baseUrl);
  const defaultPort = url.protocol === 'https:' ? '443' : '80';
  return {
    origin: url.origin,
    host: url.host,
    port: url.port || defaultPort,
    isLoopback: LOOPBACK_HOSTNAMES.test(url.hostname) || url.hostname.endsWith('.localhost'),
  };
}

/** Joins a base URL that may end in slashes with a path that may start with one. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.trim().replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
