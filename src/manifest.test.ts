// @vitest-environment node
/**
 * Least privilege, enforced: every permission the manifest asks for must be justified in the
 * README's permission table, and the content script may only run on the supported messengers.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildManifest, MESSENGER_MATCHES } from '../manifest.config';

const readme = readFileSync(resolve(__dirname, '../README.md'), 'utf8');
const permissionTable = readme.slice(readme.indexOf('### Permissions, and why'));

async function resolved(browser: 'chrome' | 'firefox') {
  const manifest = buildManifest(browser);
  return (typeof manifest === 'function' ? await (manifest as (env: unknown) => unknown)({ mode: 'production', command: 'build' }) : manifest) as Record<string, unknown>;
}

describe.each(['chrome', 'firefox'] as const)('%s manifest', (browser) => {
  it('asks only for permissions the README justifies', async () => {
    const manifest = await resolved(browser);
    const asked = [
      ...((manifest.permissions as string[]) ?? []),
      ...((manifest.host_permissions as string[]) ?? []),
      ...((manifest.optional_host_permissions as string[]) ?? []),
    ];
    const unjustified = asked.filter((permission) => !permissionTable.includes(`\`${permission}\``));
    expect(unjustified).toEqual([]);
  });

  it('runs content scripts only on the supported messengers', async () => {
    const manifest = await resolved(browser);
    const matches = (manifest.content_scripts as Array<{ matches: string[] }>).flatMap((script) => script.matches);
    expect(matches).toEqual(MESSENGER_MATCHES);
    expect(manifest.host_permissions).toEqual(MESSENGER_MATCHES);
  });

  it('has a strict extension CSP: no remote scripts, no eval', async () => {
    const csp = ((await resolved(browser)).content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
    expect(csp).not.toMatch(/unsafe-inline|'unsafe-eval'|https?:/);
  });
});

