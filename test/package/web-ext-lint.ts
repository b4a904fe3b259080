/**
 * `web-ext lint` (Firefox's store linter, salesforce-facts.md §13.7) over an unpacked Firefox package, and the
 * warnings we have read and explained (docs/store/firefox.md). Any other warning fails the package test.
 */
import {spawnSync} from 'node:child_process';
import path from 'node:path';

export type LintMessage = {code: string; message: string; file?: string};
export type LintReport = {errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[]};

const root = path.resolve(import.meta.dirname, '../..');

export async function lintFirefoxPackage(sourceDir: string): Promise<LintReport> {
	const run = spawnSync(
		'npx',
		['web-ext', 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-config-discovery'],
		{
			cwd: root,
			encoding: 'utf8',
		},
	);
	const report = JSON.parse(run.stdout) as LintReport;
	const slim = (messages: LintMessage[]) =>
		messages.map(({code, message, file}) => ({code, message, ...(file === undefined ? {} : {file})}));
	return {errors: slim(report.errors), warnings: slim(report.warnings), notices: slim(report.notices)};
}

/**
 * Preact's renderer assigns `innerHTML` in one place: the `dangerouslySetInnerHTML` prop. Tickler never uses
 * that prop (Salesforce text is rendered as text; test/package/no-inner-html.test.ts keeps it that way), so
 * the branch never runs. The linter sees the assignment in every bundle that contains preact: the content
 * script (the badge), the shared chunk of the pages the main build makes (settings, the side panel), and the
 * popup and All reminders, each built on its own into `pages/` (vite.config.ts, PAGES_ON_THEIR_OWN).
 */
export const explainedLintWarnings = [
	{
		why: "preact's dangerouslySetInnerHTML branch, never used by Tickler",
		matches: (warning: LintMessage) =>
			warning.code === 'UNSAFE_VAR_ASSIGNMENT' &&
			/innerHTML/.test(warning.message) &&
			(warning.file === 'content-script.js' ||
				/^assets\/base-[\w-]+\.js$/.test(warning.file ?? '') ||
				/^pages\/(popup|all)-[\w-]+\.js$/.test(warning.file ?? '')),
	},
];
