/**
 * `npm run package` (R42): builds once, then writes the two store packages
 *   release/tickler-chrome-<version>.zip   (dist/)
 *   release/tickler-firefox-<version>.zip  (dist-firefox/, the same files with the Firefox manifest)
 * with the version taken from package.json. The zips are byte-for-byte reproducible from the same commit
 * (scripts/zip.ts); the script refuses to package when manifest.json's version differs from package.json's,
 * since the stores read the manifest's.
 */
import {execFileSync} from 'node:child_process';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {packageFileName, readPackageDirectory} from './package-files.js';
import {zip} from './zip.js';

const root = path.resolve(import.meta.dirname, '..');
const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}).version;
const manifestVersion = (JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as {version: string})
	.version;
if (manifestVersion !== version) {
	throw new Error(`manifest.json says version ${manifestVersion}, package.json ${version}: make them equal first`);
}

if (!process.argv.includes('--no-build')) {
	execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {cwd: root, stdio: 'inherit'});
}

const releaseDir = path.join(root, 'release');
mkdirSync(releaseDir, {recursive: true});
for (const browser of ['chrome', 'firefox'] as const) {
	const directory = path.join(root, browser === 'chrome' ? 'dist' : 'dist-firefox');
	const target = path.join(releaseDir, packageFileName(browser, version));
	writeFileSync(target, zip(readPackageDirectory(directory)));
	process.stdout.write(`${path.relative(root, target)}\n`);
}
