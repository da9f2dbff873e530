import { describe, expect, it } from 'vitest';
import { checkPassword, DUMMY_VERIFIER, makeVerifier } from './passwords';

describe('password verifiers', () => {
  it('accept the right password and refuse a wrong one', async () => {
    const v = await makeVerifier('四維-密碼-2022');
    expect(v).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(v).not.toContain('四維');
    expect(await checkPassword('四維-密碼-2022', v)).toBe(true);
    expect(await checkPassword('四維-密碼-2023', v)).toBe(false);
  });

  it('salt each verifier differently', async () => {
    expect(await makeVerifier('same-password')).not.toBe(await makeVerifier('same-password'));
  });

  it('refuse every password against the dummy verifier used for unknown names, and a verifier asking for absurd work', async () => {
    expect(await checkPassword('', DUMMY_VERIFIER)).toBe(false);
    expect(await checkPassword('四維-密碼-2022', DUMMY_VERIFIER)).toBe(false);
    const v = await makeVerifier('四維-密碼-2022');
    expect(await checkPassword('四維-密碼-2022', v.replace('$16384$', '$4194304$'))).toBe(false);
  });
});
