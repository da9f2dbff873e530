import { describe, expect, it } from 'vitest';
import { channelFile, checksumMatches, chooseUpdate, compareVersions, installDecision, parseAgreement, progressPercent, type UpdateOffer } from './updates';

const SHA_A = `${'A'.repeat(86)}==`;
const SHA_B = `${'B'.repeat(86)}==`;

const offer = (version: string, urls: string[] = ['ga-desk-setup-1.0.0-x64.exe'], sha512 = SHA_A): UpdateOffer => ({ version, files: urls.map((url) => ({ url, sha512, size: 10 })) });

describe('versions', () => {
  it('are ordered as semantic versions, a pre-release before its release', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0.0-beta.2', '1.0.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0-beta.10', '1.0.0-beta.2')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0-alpha', '1.0.0-beta')).toBeLessThan(0);
    expect(() => compareVersions('1.0', '1.0.0')).toThrow('not a version: 1.0');
  });
});

describe('choosing an offered update', () => {
  it('takes a newer version that has an installer of this workstation’s type', () => {
    expect(chooseUpdate('0.1.0', offer('0.2.0'), 'exe')).toEqual({ take: true, version: '0.2.0', file: { url: 'ga-desk-setup-1.0.0-x64.exe', sha512: SHA_A, size: 10 } });
    const linux = offer('0.2.0', ['ga-desk-0.2.0-x64.AppImage', 'ga-desk-0.2.0-x64.deb']);
    expect(chooseUpdate('0.1.0', linux, 'deb')).toMatchObject({ take: true, file: { url: 'ga-desk-0.2.0-x64.deb' } });
    expect(chooseUpdate('0.1.0', linux, 'AppImage')).toMatchObject({ take: true, file: { url: 'ga-desk-0.2.0-x64.AppImage' } });
  });

  it('never takes the same version again or an older one', () => {
    expect(chooseUpdate('0.2.0', offer('0.2.0'), 'exe')).toEqual({ take: false, reason: 'notNewer' });
    expect(chooseUpdate('0.3.0', offer('0.2.0'), 'exe')).toEqual({ take: false, reason: 'notNewer' });
  });

  it('does not take another platform’s installer', () => {
    expect(chooseUpdate('0.1.0', offer('0.2.0', ['ga-desk-0.2.0-x64.AppImage']), 'exe')).toEqual({ take: false, reason: 'noInstaller' });
    expect(chooseUpdate('0.1.0', offer('0.2.0'), 'deb')).toEqual({ take: false, reason: 'noInstaller' });
  });

  it('refuses malformed metadata: a bad version, a checksum that is no SHA-512, two installers of one type', () => {
    expect(chooseUpdate('0.1.0', offer('latest'), 'exe')).toEqual({ take: false, reason: 'invalid' });
    expect(chooseUpdate('0.1.0', offer('0.2.0', undefined, 'abc'), 'exe')).toEqual({ take: false, reason: 'invalid' });
    expect(chooseUpdate('0.1.0', offer('0.2.0', ['a-0.2.0.exe', 'b-0.2.0.exe']), 'exe')).toEqual({ take: false, reason: 'invalid' });
    expect(chooseUpdate('0.1.0', { version: '0.2.0', files: null as never }, 'exe')).toEqual({ take: false, reason: 'invalid' });
  });

  it('reads the metadata file of its own platform only', () => {
    expect([channelFile('win32'), channelFile('linux'), channelFile('darwin')]).toEqual(['latest.yml', 'latest-linux.yml', null]);
  });
});

describe('a downloaded installer', () => {
  it('is kept only when its checksum is the one the metadata promised', () => {
    expect(checksumMatches(SHA_A, SHA_A)).toBe(true);
    expect(checksumMatches(SHA_A, SHA_B)).toBe(false);
    expect(checksumMatches('', '')).toBe(false);
    expect(checksumMatches('not base64', 'not base64')).toBe(false);
  });

  it('is installed at start only after the user agreed to that version and checksum, and only if it still verifies', () => {
    const downloaded = { version: '0.2.0', expectedSha512: SHA_A, actualSha512: SHA_A };
    const agreed = { version: '0.2.0', sha512: SHA_A };
    expect(installDecision('0.1.0', agreed, downloaded)).toEqual({ install: true });
    expect(installDecision('0.1.0', null, downloaded)).toEqual({ install: false, reason: 'notAgreed' });
    expect(installDecision('0.1.0', { version: '0.1.5', sha512: SHA_A }, downloaded)).toEqual({ install: false, reason: 'otherVersion' });
    // The server republished 0.2.0 with other bytes: the old agreement does not cover them.
    expect(installDecision('0.1.0', { version: '0.2.0', sha512: SHA_B }, downloaded)).toEqual({ install: false, reason: 'otherVersion' });
    // Tampered on disk after the user agreed: never installed.
    expect(installDecision('0.1.0', agreed, { ...downloaded, actualSha512: SHA_B })).toEqual({ install: false, reason: 'checksum' });
    // Already running it (installed meanwhile by hand).
    expect(installDecision('0.2.0', agreed, downloaded)).toEqual({ install: false, reason: 'notNewer' });
  });

  it('reads back a stored agreement, and nothing from anything else', () => {
    expect(parseAgreement(JSON.stringify({ version: '0.2.0', sha512: SHA_A }))).toEqual({ version: '0.2.0', sha512: SHA_A });
    expect(parseAgreement('{')).toBeNull();
    expect(parseAgreement(JSON.stringify({ version: 'x', sha512: SHA_A }))).toBeNull();
    expect(parseAgreement(null)).toBeNull();
  });

  it('shows its download progress in whole percent', () => {
    expect([progressPercent(0, 100), progressPercent(50, 200), progressPercent(199, 200), progressPercent(300, 200), progressPercent(5, 0)]).toEqual([0, 25, 99, 100, 0]);
  });
});
