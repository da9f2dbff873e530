import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KINDS } from './entities';
import { mutationList } from './mutations';
import { ACCEPTED, pokeCovers, SCHEMA_FINGERPRINT, SCHEMA_VERSION } from './sync-protocol';

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

describe('what a workstation does with a poke that carries changes', () => {
  const poke = { from: 'db1/10', to: 'db1/14' };
  it('applies them when it holds the cursor they follow or one inside them', () => {
    expect(pokeCovers('db1/10', poke)).toBe('apply');
    expect(pokeCovers('db1/12', poke)).toBe('apply');
  });
  it('has them already when it holds their end or later', () => {
    expect(pokeCovers('db1/14', poke)).toBe('have');
    expect(pokeCovers('db1/20', poke)).toBe('have');
  });
  it('pulls when behind them, with no cursor, or on another database', () => {
    expect(pokeCovers('db1/9', poke)).toBe('pull');
    expect(pokeCovers('', poke)).toBe('pull');
    expect(pokeCovers('db2/12', poke)).toBe('pull');
    expect(pokeCovers('db1/12', { from: 'db1/10', to: 'db2/14' })).toBe('pull');
    expect(pokeCovers('garbage', poke)).toBe('pull');
  });
});
