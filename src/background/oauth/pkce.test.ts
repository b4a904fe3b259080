import {createHash} from 'node:crypto';
import {expect, test} from 'vitest';
import {base64Url, codeChallengeS256, createCodeVerifier, randomToken} from './pkce.js';

test('R28: the verifier is 43–128 unreserved characters and differs every time', () => {
	const verifiers = new Set(Array.from({length: 50}, () => createCodeVerifier()));
	expect(verifiers.size).toBe(50);
	for (const verifier of verifiers) {
		expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
	}

	expect(randomToken()).toHaveLength(43);
});

test('R28: the S256 challenge is base64url(SHA-256(verifier)) without padding (RFC 7636 appendix B)', async () => {
	// The RFC's own example pair.
	expect(await codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
		'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
	);
	const verifier = createCodeVerifier();
	const expected = createHash('sha256').update(verifier).digest('base64url');
	expect(await codeChallengeS256(verifier)).toBe(expected);
	expect(base64Url(new Uint8Array([251, 255, 254]))).toBe('-__-');
});
