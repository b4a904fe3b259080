/**
 * "Two commands on a fresh machine" (issue 12): `npm start` and `npm test` need a real browser — Chromium,
 * and Firefox ESR for the Firefox flows. When one is missing, this installs it from Debian's packages where
 * it can (as root, or with sudo that needs no password), as .ci/run does; otherwise it stops with the one
 * command to run. A browser given by CHROME_PATH / FIREFOX_PATH is used as it is.
 *
 *   tsx scripts/ensure-browsers.ts chromium firefox
 */
import {spawnSync} from 'node:child_process';
import {accessSync, constants, existsSync} from 'node:fs';

export type BrowserNeed = 'chromium' | 'firefox';

/** `files`: what else must be there for Debian's browser to serve the tests (beside its binary). */
type Known = {debianPackages: string[]; binaries: string[]; files?: string[]; envVar: string; label: string};

const KNOWN: Record<BrowserNeed, Known> = {
	chromium: {
		debianPackages: ['chromium'],
		binaries: ['/usr/bin/chromium', '/usr/bin/chromium-browser'],
		envVar: 'CHROME_PATH',
		label: 'Chromium',
	},
	firefox: {
		// R46: the Italian Firefox test needs Firefox's Italian language pack (intl.locale.requested = it).
		debianPackages: ['firefox-esr', 'firefox-esr-l10n-it'],
		binaries: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
		files: ['/usr/lib/firefox-esr/browser/extensions/langpack-it@firefox-esr.mozilla.org.xpi'],
		envVar: 'FIREFOX_PATH',
		label: 'Firefox ESR',
	},
};

function executable(file: string): boolean {
	try {
		accessSync(file, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

export function missingBrowsers(needs: readonly BrowserNeed[], env: NodeJS.ProcessEnv = process.env): BrowserNeed[] {
	return needs.filter(need => {
		const known = KNOWN[need];
		const fromEnv = env[known.envVar];
		if (fromEnv) return !executable(fromEnv);
		return !known.binaries.some(executable) || !(known.files ?? []).every(file => existsSync(file));
	});
}

/** The one command a person runs to install what is missing. */
export function installCommand(missing: readonly BrowserNeed[]): string {
	return `sudo apt-get install -y ${missing.flatMap(need => KNOWN[need].debianPackages).join(' ')}`;
}

/** How to run apt-get here without asking anyone: directly as root, through password-less sudo, or not at all. */
function aptPrefix(): string[] | undefined {
	if (!executable('/usr/bin/apt-get')) return undefined;
	if (process.getuid?.() === 0) return [];
	const sudo = spawnSync('sudo', ['-n', 'true'], {stdio: 'ignore'});
	return sudo.status === 0 ? ['sudo', '-n'] : undefined;
}

function run(command: string[]): boolean {
	const [file = '', ...args] = command;
	const result = spawnSync(file, args, {stdio: 'inherit', env: {...process.env, DEBIAN_FRONTEND: 'noninteractive'}});
	return result.status === 0;
}

/** Installs what is missing when it can; returns an error message with the one command otherwise. */
export function ensureBrowsers(needs: readonly BrowserNeed[]): string | undefined {
	const missing = missingBrowsers(needs);
	if (missing.length === 0) return undefined;
	const labels = missing.map(need => KNOWN[need].label).join(' and ');
	const prefix = aptPrefix();
	if (prefix !== undefined) {
		process.stdout.write(
			`::: installing ${labels} from Debian's packages (${missing.flatMap(need => KNOWN[need].debianPackages).join(' ')})\n`,
		);
		const packages = missing.flatMap(need => KNOWN[need].debianPackages);
		if (
			run([...prefix, 'apt-get', 'update', '-qq']) &&
			run([...prefix, 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages])
		) {
			const still = missingBrowsers(needs);
			if (still.length === 0) return undefined;
		}
	}

	const variables = missing.map(need => KNOWN[need].envVar).join(' / ');
	return `${labels} ${missing.length > 1 ? 'are' : 'is'} needed and could not be installed here. Run:\n\n    ${installCommand(missing)}\n\n(or set ${variables} to a browser binary).`;
}

if (import.meta.filename === process.argv[1]) {
	const needs = process.argv.slice(2).filter((arg): arg is BrowserNeed => arg === 'chromium' || arg === 'firefox');
	const problem = ensureBrowsers(needs.length > 0 ? needs : ['chromium', 'firefox']);
	if (problem !== undefined) {
		process.stderr.write(`\n${problem}\n`);
		process.exit(1);
	}
}
