// The GraphQL-over-HTTP audit suite (graphql-http's serverAudits) against the running sample: every MUST and every
// SHOULD the suite checks has to pass; the MAYs the sample does not do are listed, not failed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAudits } from 'graphql-http';
import { sampleUrl } from '../lib/sample.mjs';

const audits = serverAudits({ url: `${sampleUrl()}/graphql` });

test('the audit suite has audits to run', () => {
  assert.ok(audits.length > 50, `graphql-http returned only ${audits.length} audits`);
});

for (const audit of audits) {
  const requirement = audit.name.split(' ')[0];
  test(audit.name, async (t) => {
    const result = await audit.fn();
    if (result.status === 'ok') {
      return;
    }
    if (requirement === 'MAY') {
      t.diagnostic(`not done (a MAY): ${audit.name}: ${result.reason}`);
      return;
    }
    const body = await result.response.text().catch(() => '(no body)');
    assert.fail(`${requirement} failed: ${result.reason}; HTTP ${result.response.status} `
        + `${result.response.headers.get('content-type')}: ${body.slice(0, 500)}`);
  });
}
