// `npm run org`: starts the local Salesforce org and prints what a person needs to use it (URL, demo users,
// an API session id, the control API). Bad flags: message + usage, exit 2. Ctrl-C closes cleanly.

import {CliError, USAGE, parseCliArgs} from './cli-args.js';
import type {CliOptions} from './cli-args.js';
import {startLocalOrg} from './index.js';
import {DEMO_PASSWORD} from './pages/pages.js';

let options: CliOptions;
try {
	options = parseCliArgs(process.argv.slice(2));
} catch (e) {
	if (!(e instanceof CliError)) throw e;
	process.stderr.write(`org: ${e.message}\n${USAGE}\n`);
	process.exit(2);
}
if (options.help) {
	process.stdout.write(`${USAGE}\n`);
	process.exit(0);
}

const local = await startLocalOrg({
	port: options.port,
	seed: options.seed,
	host: options.host,
	...(options.dataFile ? {dataFile: options.dataFile} : {}),
});
const {org} = local;
const sid = org.createSession(org.users.rep.id, 'api');
const tasks = org.listTasks().length;
process.stdout.write(
	[
		`Local Salesforce org "${org.name}" listening on ${local.url}`,
		`  org id ${org.orgId}; ${tasks} live Tasks${options.dataFile ? `; data file ${options.dataFile}` : ''}`,
		`  login page   ${local.url}/login   (password for every user: ${DEMO_PASSWORD})`,
		...Object.entries(org.users).map(
			([key, u]) => `  ${key.padEnd(5)} ${u.username.padEnd(30)} ${u.id}  ${u.name} (${u.timeZone})`,
		),
		`  API session (rep): ${sid}`,
		`  try: curl -H "Authorization: Bearer ${sid}" "${local.url}/services/data/v62.0/query?q=SELECT+Id,Subject+FROM+Task+LIMIT+5"`,
		`  control API: ${local.url}/__org__/state  (see docs/local-org.md)`,
		'Press Ctrl-C to stop.',
		'',
	].join('\n'),
);

let closing = false;
const shutdown = (signal: string): void => {
	if (closing) return;
	closing = true;
	process.stdout.write(`\n${signal}: closing the org…\n`);
	void local.close().then(
		() => process.exit(0),
		(e: unknown) => {
			process.stderr.write(`org: error while closing: ${String(e)}\n`);
			process.exit(1);
		},
	);
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
