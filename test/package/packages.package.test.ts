/**
 * R42: the two store packages, as `npm run package` writes them from the build in dist/ (npm test builds
 * first). Checks what each store checks, and what we promise: reproducible bytes, the Firefox manifest
 * shape, only the permissions the README explains, no code from strings or from elsewhere, `web-ext lint`.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {FIREFOX_DATA_COLLECTION, GECKO_ID} from '../../scripts/manifest-variants.js';
import {findDynamicCode} from '../../scripts/no-dynamic-code.js';
import {packageFileName, type StoreBrowser} from '../../scripts/package-files.js';
import {declaredPermissions, readmePermissionRows} from './readme-permissions.js';
import {explainedLintWarnings, lintFirefoxPackage} from './web-ext-lint.js';

const root = path.resolve(import.meta.dirname, '../..');
const jsforceVersion = (
	JSON.parse(readFileSync(path.join(root, 'node_modules', 'jsforce', 'package.json'), 'utf8')) as {version: string}
).version;
const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}).version;
const browsers: StoreBrowser[] = ['chrome', 'firefox'];
const packagePath = (browser: StoreBrowser) => path.join(root, 'release', packageFileName(browser, version));

function runPackage(): void {
	execFileSync('npx', ['tsx', 'scripts/package.ts', '--no-build'], {cwd: root, stdio: 'pipe'});
}

/** Unzips a package into a fresh directory (the store's view of it). */
function unpack(browser: StoreBrowser): string {
	const directory = mkdtempSync(path.join(tmpdir(), `tickler-${browser}-`));
	execFileSync('unzip', ['-q', packagePath(browser), '-d', directory]);
	return directory;
}

function listFiles(directory: string): string[] {
	return execFileSync('find', ['.', '-type', 'f'], {cwd: directory, encoding: 'utf8'})
		.split('\n')
		.filter(line => line !== '')
		.map(line => line.replace(/^\.\//, ''))
		.sort();
}

const unpacked = new Map<StoreBrowser, string>();
const manifestOf = (browser: StoreBrowser) =>
	JSON.parse(readFileSync(path.join(unpacked.get(browser) ?? '', 'manifest.json'), 'utf8')) as Record<string, unknown>;

beforeAll(() => {
	runPackage();
	for (const browser of browsers) unpacked.set(browser, unpack(browser));
	return () => {
		for (const directory of unpacked.values()) rmSync(directory, {recursive: true, force: true});
	};
});

describe('R42: npm run package', () => {
	it('R42: writes both packages, named by the version in package.json, byte-for-byte the same on a second run', () => {
		const first = browsers.map(browser => readFileSync(packagePath(browser)));
		runPackage();
		const second = browsers.map(browser => readFileSync(packagePath(browser)));
		for (const [index, bytes] of first.entries()) expect(bytes.equals(second[index] ?? Buffer.alloc(0))).toBe(true);
		expect(manifestOf('chrome')['version']).toBe(version);
		expect(manifestOf('firefox')['version']).toBe(version);
	});

	it('R42: one source — both packages hold the same files, and only the manifest differs', () => {
		const chrome = unpacked.get('chrome') ?? '';
		const firefox = unpacked.get('firefox') ?? '';
		expect(listFiles(firefox)).toEqual(listFiles(chrome));
		for (const file of listFiles(chrome).filter(name => name !== 'manifest.json')) {
			expect(readFileSync(path.join(firefox, file)).equals(readFileSync(path.join(chrome, file))), file).toBe(true);
		}
	});

	it('R42: the Chrome manifest runs the background as a service worker', () => {
		const manifest = manifestOf('chrome');
		expect(manifest['manifest_version']).toBe(3);
		expect(manifest['background']).toEqual({service_worker: 'service-worker-loader.js', type: 'module'});
		expect(manifest).not.toHaveProperty('browser_specific_settings');
	});

	it('R42: the Firefox manifest is MV3 with background.scripts, a gecko id, a minimum version and its data declaration', () => {
		const manifest = manifestOf('firefox');
		expect(manifest['manifest_version']).toBe(3);
		expect(manifest['background']).toEqual({scripts: ['service-worker-loader.js'], type: 'module'});
		const gecko = (manifest['browser_specific_settings'] as {gecko: Record<string, unknown>}).gecko;
		expect(gecko['id']).toBe(GECKO_ID);
		expect(gecko['strict_min_version']).toMatch(/^\d+\.0$/);
		expect(gecko['data_collection_permissions']).toEqual(FIREFOX_DATA_COLLECTION);
		expect(manifest).not.toHaveProperty('minimum_chrome_version');
		expect(manifest).not.toHaveProperty('options_page');
		expect(manifest['options_ui']).toEqual({page: 'src/options/index.html', open_in_tab: true});
		// The file the background names exists in the package.
		expect(listFiles(unpacked.get('firefox') ?? '')).toContain('service-worker-loader.js');
	});

	it('R46/R42: each package ships both catalogs as built, English by default, and names itself from them', () => {
		for (const browser of browsers) {
			const directory = unpacked.get(browser) ?? '';
			for (const language of ['en', 'it']) {
				const file = `_locales/${language}/messages.json`;
				expect(readFileSync(path.join(directory, file), 'utf8'), `${browser}: ${file}`).toBe(
					readFileSync(path.join(root, 'public', file), 'utf8'),
				);
			}

			const manifest = manifestOf(browser);
			expect(manifest['default_locale'], browser).toBe('en');
			expect(manifest['name'], browser).toBe('__MSG_extName__');
			expect(manifest['description'], browser).toBe('__MSG_extDescription__');
			expect((manifest['action'] as {default_title?: string}).default_title, browser).toBe('__MSG_actionTitle__');
		}
	});

	it("R48: each package opens the popup by a keyboard shortcut (the toolbar button's command)", () => {
		for (const browser of browsers) {
			expect(manifestOf(browser)['commands'], browser).toEqual({
				_execute_action: {suggested_key: {default: 'Alt+Shift+K'}},
			});
		}
	});

	it('R42: each package ships the privacy policy the settings page links to', () => {
		const policy = readFileSync(path.join(root, 'PRIVACY.md'), 'utf8');
		for (const browser of browsers) {
			expect(readFileSync(path.join(unpacked.get(browser) ?? '', 'privacy.txt'), 'utf8'), browser).toBe(policy);
		}
	});

	it('R42: each package declares exactly the permissions the README explains, each with a reason', () => {
		const rows = readmePermissionRows(root);
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) expect(row.reason.length, row.permission).toBeGreaterThan(20);
		const documented = rows.map(row => row.permission).sort();
		// Firefox's sidebar (sidebar_action) needs no permission; Chrome's side panel needs `sidePanel` (issue 24).
		const chromeOnly = new Set(['sidePanel']);
		for (const browser of browsers) {
			const expected = browser === 'firefox' ? documented.filter(name => !chromeOnly.has(name)) : documented;
			expect(declaredPermissions(manifestOf(browser)).sort(), browser).toEqual(expected);
			// R31/R32: notifications stays optional in both, so an update from 0.1.0 never disables Tickler.
			expect(manifestOf(browser)['optional_permissions'], browser).toContain('notifications');
			expect(manifestOf(browser)['permissions'], browser).not.toContain('notifications');
		}

		// R28: identity is asked when the rep first clicks "Connect with Salesforce" in Chrome; Firefox cannot
		// request it at run time (scripts/manifest-variants.ts), so it declares it — with no install prompt there.
		expect(manifestOf('chrome')['optional_permissions']).toEqual(['notifications', 'identity']);
		expect(manifestOf('chrome')['permissions']).not.toContain('identity');
		expect(manifestOf('firefox')['optional_permissions']).toEqual(['notifications']);
		expect(manifestOf('firefox')['permissions']).toContain('identity');
	});

	it('R42: no remote code — no eval, no Function constructor, no string timers, no remote scripts in any packaged file', () => {
		for (const browser of browsers) {
			const directory = unpacked.get(browser) ?? '';
			const scanned = listFiles(directory).filter(file => /\.(m?js|html)$/.test(file));
			expect(scanned.length).toBeGreaterThan(3);
			for (const file of scanned) {
				const findings = findDynamicCode(readFileSync(path.join(directory, file), 'utf8'));
				expect(findings, `${browser}: ${file}`).toEqual([]);
			}
		}
	});

	it('issue 23: the worker loads no file by import() (browsers refuse it in a service worker), and carries jsforce in its own files', () => {
		for (const browser of browsers) {
			const directory = unpacked.get(browser) ?? '';
			const background = manifestOf(browser)['background'] as {service_worker?: string; scripts?: string[]};
			const entry = background.service_worker ?? background.scripts?.[0] ?? '';
			// The worker's files: its entry and every file reached from it by a static import.
			const seen = new Set<string>();
			const visit = (file: string) => {
				if (seen.has(file)) return;
				seen.add(file);
				const code = readFileSync(path.join(directory, file), 'utf8');
				expect(code, `${browser}: ${file}`).not.toMatch(/\bimport\s*\(/);
				for (const [, imported] of code.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
					visit(path.posix.join(path.posix.dirname(file), imported ?? ''));
				}
			};
			visit(entry);
			expect(seen.size, browser).toBeGreaterThan(1);
			const all = [...seen].map(file => readFileSync(path.join(directory, file), 'utf8')).join('\n');
			// jsforce itself (its VERSION string), evaluated on the first request (salesforce/jsforce-loader.ts).
			expect(all, browser).toMatch(new RegExp(`["'\`]${jsforceVersion.replaceAll('.', String.raw`\.`)}["'\`]`));
		}
	});

	it('R42: web-ext lint passes the Firefox package with no errors and only the warnings explained in docs/store/firefox.md', async () => {
		const report = await lintFirefoxPackage(unpacked.get('firefox') ?? '');
		expect(report.errors).toEqual([]);
		const unexplained = report.warnings.filter(
			warning => !explainedLintWarnings.some(explained => explained.matches(warning)),
		);
		expect(unexplained).toEqual([]);
		expect(report.notices).toEqual([]);
	}, 120_000);
});
