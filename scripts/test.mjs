// `npm test`: everything, in the order that places a failure fastest — types, lint, unused code (knip),
// format, unit, integration, build, the store packages (R42), then end-to-end in real Chromium against dist/ and in real
// Firefox against dist-firefox/. Every step runs even when an earlier one failed (so one run shows every
// problem), and the run ends with one summary line.
import {spawn, spawnSync} from 'node:child_process';
import {mkdirSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';
import {stripVTControlCharacters} from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, 'tmp', 'test-reports');
rmSync(reports, {recursive: true, force: true});
mkdirSync(reports, {recursive: true});

// A suite that silently shrinks is a suite that stopped checking (engineering guide, convention 15).
const minimums = JSON.parse(readFileSync(path.join(root, 'test', 'minimum-test-counts.json'), 'utf8'));

const npx = (...args) => ['npx', ...args];
const vitest = project =>
	npx(
		'vitest',
		'run',
		'--project',
		project,
		'--reporter=default',
		'--reporter=json',
		`--outputFile=${path.join(reports, `${project}.json`)}`,
	);
const steps = [
	{name: 'types', command: npx('tsc', '--noEmit')},
	{name: 'lint', command: npx('eslint', '.', '--max-warnings', '0')},
	// Unused files, exports, types and dependencies (knip.config.ts names the entries).
	{name: 'knip', command: npx('knip')},
	{name: 'format', command: npx('prettier', '--check', '.', '--log-level', 'warn')},
	{name: 'unit', command: vitest('unit'), project: 'unit'},
	{name: 'integration', command: vitest('integration'), project: 'integration'},
	{name: 'build', command: npx('vite', 'build', '--logLevel', 'warn')},
	{name: 'packages', command: vitest('package'), project: 'package', needs: 'build'},
	{name: 'e2e (Chromium)', command: vitest('e2e'), project: 'e2e', needs: 'build'},
	{name: 'e2e (Firefox)', command: vitest('e2e-firefox'), project: 'e2e-firefox', needs: 'build'},
];

// CI keeps only the tail of the log, so the summary repeats each failing test with the start of its message.
const firstLinesOf = message => stripVTControlCharacters(message).split('\n').slice(0, 6).join('\n      ');
const failuresIn = (report, stepName) =>
	report.testResults.flatMap(file => {
		const failedTests = file.assertionResults.filter(test => test.status === 'failed');
		// A file can fail with every test passed: a hook (afterAll) threw, or the file failed before its tests.
		if (failedTests.length === 0 && file.status === 'failed')
			return [`${stepName}: ${path.relative(root, file.name)}\n      ${firstLinesOf(file.message ?? '')}`];
		return failedTests.map(
			test =>
				`${stepName}: ${path.relative(root, file.name)} › ${test.fullName}\n      ${firstLinesOf(test.failureMessages[0] ?? '')}`,
		);
	});

// vitest can also exit non-zero with every test and file passed: an error thrown outside any test, after it
// ended ("Unhandled Errors"). The report does not carry those, so the summary quotes the block from the output.
const ERROR_BLOCK_HEADING = /^⎯+ Unhandled Errors? ⎯+$/u;
const errorOutsideTests = output => {
	const lines = stripVTControlCharacters(output).split('\n');
	const first = lines.findIndex(line => ERROR_BLOCK_HEADING.test(line.trim()));
	if (first === -1) return undefined;
	const end = lines.findIndex((line, index) => index > first && line.startsWith(' Test Files '));
	return lines
		.slice(first, end === -1 ? first + 40 : Math.min(end, first + 40))
		.join('\n      ')
		.trimEnd();
};

// Runs a step with its output shown as it comes and kept, so the summary can quote it.
const runStep = command =>
	new Promise(resolve => {
		const child = spawn(command[0], command.slice(1), {
			cwd: root,
			stdio: ['inherit', 'pipe', 'pipe'],
			env: {...process.env, FORCE_COLOR: '1'},
		});
		let output = '';
		child.stdout.on('data', chunk => {
			process.stdout.write(chunk);
			output += chunk;
		});
		child.stderr.on('data', chunk => {
			process.stderr.write(chunk);
			output += chunk;
		});
		child.on('close', status => resolve({status, output}));
	});

// Real browsers for the end-to-end steps: installed from Debian's packages when missing and possible, else
// the run stops here with the one command to run (scripts/ensure-browsers.ts).
const browsers = spawnSync('npx', ['tsx', 'scripts/ensure-browsers.ts', 'chromium', 'firefox'], {
	cwd: root,
	stdio: 'inherit',
});
if (browsers.status !== 0) process.exit(1);

const results = [];
const failures = [];
let passed = 0;
let failed = 0;
for (const step of steps) {
	if (step.needs && results.find(result => result.name === step.needs)?.ok === false) {
		results.push({name: step.name, ok: false, detail: `not run: ${step.needs} failed`});
		failed += 1;
		continue;
	}

	console.log(`\n━━━ ${step.name} ━━━ ${step.command.join(' ')}`);
	const started = Date.now();
	const run = await runStep(step.command);
	let ok = run.status === 0;
	let failedTests = 0;
	let detail = `${((Date.now() - started) / 1000).toFixed(1)} s`;
	if (step.project) {
		try {
			const report = JSON.parse(readFileSync(path.join(reports, `${step.project}.json`), 'utf8'));
			const skipped = report.numPendingTests + report.numTodoTests;
			passed += report.numPassedTests;
			failedTests = report.numFailedTests;
			detail += `, ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`;
			const stepFailures = failuresIn(report, step.name);
			failures.push(...stepFailures);
			if (!ok && stepFailures.length === 0) {
				const block =
					errorOutsideTests(run.output) ?? `vitest exited ${run.status} with no failed test and no error block`;
				failures.push(`${step.name}: ${block}`);
			}
			const minimum = minimums[step.project] ?? 1;
			if (report.numTotalTests < minimum) {
				ok = false;
				detail += ` — only ${report.numTotalTests} tests ran, fewer than the ${minimum} in test/minimum-test-counts.json`;
			}
			if (skipped > 0) {
				ok = false;
				detail += ' — skipped tests hide failures; none are allowed';
			}
		} catch {
			ok = false;
			detail += ' — no test report was written';
		}
	}

	// A failing step with no failing test (types, lint, a suite that crashed) still counts as one failure.
	failed += ok ? failedTests : Math.max(failedTests, 1);
	results.push({name: step.name, ok, detail});
}

console.log('\n━━━ summary ━━━');
for (const result of results) console.log(`${result.ok ? 'ok  ' : 'FAIL'}  ${result.name.padEnd(16)} ${result.detail}`);
if (failures.length > 0) console.log(`\nfailures:\n${failures.map(failure => `  ✗ ${failure}`).join('\n')}`);
const allOk = results.every(result => result.ok);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(allOk ? 0 : 1);
