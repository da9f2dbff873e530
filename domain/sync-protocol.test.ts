import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KINDS } from './entities';
import { mutationList } from './mutations';
import { ACCEPTED, SCHEMA_FINGERPRINT, SCHEMA_VERSION } from './sync-protocol';

/** What SCHEMA_FINGERPRINT hashes: every kind and mutation name, sorted, one a line. */
function fingerprint(kinds: readonly string[], mutationNames: readonly string[]) {
  const names = [...kinds.map((k) => `kind ${k}`), ...mutationNames.map((m) => `mutation ${m}`)].sort();
  return { names: names.length, sha256: createHash('sha256').update(names.join('\n')).digest('hex').slice(0, 16) };
}

describe('the schema version', () => {
  const now = fingerprint(
    KINDS,
    mutationList.map((m) => m.name),
  );

  it('changes whenever the kinds or the mutations do', () => {
    const recorded = { names: SCHEMA_FINGERPRINT.names, sha256: SCHEMA_FINGERPRINT.sha256 };
    const next = `{ schemaVersion: ${SCHEMA_VERSION + 1}, names: ${now.names}, sha256: '${now.sha256}' }`;
    expect(recorded, `The record kinds or mutation names changed: bump SCHEMA_VERSION in domain/sync-protocol.ts to ${SCHEMA_VERSION + 1} and update the fingerprint to ${next}`).toEqual(now);
  });

  it('is the one the fingerprint was taken at', () => {
    expect(SCHEMA_FINGERPRINT.schemaVersion, 'SCHEMA_FINGERPRINT belongs to another SCHEMA_VERSION: bump the version and the fingerprint together').toBe(SCHEMA_VERSION);
  });

  it('sees one kind or one mutation more', () => {
    const names = mutationList.map((m) => m.name);
    expect(fingerprint([...KINDS, 'parkingPermit'], names)).not.toEqual(now);
    expect(fingerprint(KINDS, [...names, 'parkingPermit.create'])).not.toEqual(now);
    expect(fingerprint([...KINDS].reverse(), [...names].reverse())).toEqual(now);
  });

  it('a server serves a workstation one version older', () => {
    expect(ACCEPTED.schema).toEqual({ oldest: Math.max(1, SCHEMA_VERSION - 1), newest: SCHEMA_VERSION });
  });
});
