import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { serverEnvironment } from '../../client/src/serverEnvironment';

test('the server is started without NODE_EXTRA_CA_CERTS, whatever the editor was started with', () => {
  // vscode-languageclient lays the options' env over process.env, as here; Node leaves out
  // the variables whose value is undefined.
  const env = { ...process.env, NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt', CLAIM_LENS_KEPT: 'yes', ...serverEnvironment() };
  const child = spawnSync(process.execPath, ['-p', 'JSON.stringify([process.env.NODE_EXTRA_CA_CERTS ?? null, process.env.CLAIM_LENS_KEPT])'], { env, encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  assert.deepEqual(JSON.parse(child.stdout), [null, 'yes']);
});
