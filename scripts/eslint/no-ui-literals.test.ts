/** RuleTester cases for R46's lint rule: UI text comes from the catalogs, not from string literals. */
import path from 'node:path';
import {ESLint, RuleTester} from 'eslint';
import tseslint from 'typescript-eslint';
import {describe, expect, it} from 'vitest';
import rule from './no-ui-literals.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
	languageOptions: {
		parser: tseslint.parser,
		ecmaVersion: 2022,
		sourceType: 'module',
		parserOptions: {ecmaFeatures: {jsx: true}},
	},
});

const literal = {messageId: 'literal'} as const;

tester.run('no-ui-literals', rule, {
	valid: [
		"const a = <h2>{t('popupToday')}</h2>;",
		"const a = <button title={t('rowEdit')} aria-label={t('rowEditNamed', {name})}>{t('rowEdit')}</button>;",
		'const a = <span>{name} · {due}</span>;',
		'const a = <button aria-label={label}>×</button>;',
		'const a = <section aria-labelledby="due-today" aria-describedby="due-hint">✎</section>;',
		'const a = <a href="https://example.com" class="link" rel="noopener" target="_blank">↗</a>;',
		'const a = <input type="date" id={`${id}-due`} value={due} />;',
		"const a = <p>{busy ? '…' : count}</p>;",
		"const a = <Form submitLabel={t('add')} />;",
		'const a = <p>\n  {text}\n</p>;',
		"el('input', {name: 'dueDate', type: 'date'});",
		"button.textContent = t('remindMeButton');",
		"node.setAttribute('role', 'status');",
		"node.setAttribute('aria-label', COPY.title);",
	],
	invalid: [
		{code: 'const a = <h2>Today</h2>;', errors: [literal]},
		{code: "const a = <p>{late ? 'Overdue' : ''}</p>;", errors: [literal]},
		{code: "const a = <p>{ok && 'Saved'}</p>;", errors: [literal]},
		{code: 'const a = <p>{`${n} pending`}</p>;', errors: [literal]},
		{code: 'const a = <button title="Delete">×</button>;', errors: [literal]},
		{code: 'const a = <button aria-label={`Delete ${name}`}>×</button>;', errors: [literal]},
		{code: 'const a = <input placeholder="Search" />;', errors: [literal]},
		{code: 'const a = <Form submitLabel="Add" label="Add a reminder" />;', errors: [literal, literal]},
		{code: "el('button', {type: 'button', textContent: 'Remind me'});", errors: [literal]},
		{code: "status.textContent = 'Saved';", errors: [literal]},
		{code: "form.setAttribute('aria-label', 'Remind me');", errors: [literal]},
	],
});

describe('R46: the rule is on for every folder with UI', () => {
	// The project's own config, asked which rules hold for one file of each folder (no file is parsed).
	const eslint = new ESLint({cwd: path.resolve(import.meta.dirname, '../..')});
	const uiFiles = [
		'src/popup/popup-app.tsx',
		'src/popup/all/group-list.tsx',
		'src/options/settings-app.tsx',
		'src/content/remind-me/remind-me-form.ts',
		'src/content/task-badge/badge-mount.ts',
		'src/shared/ui/local-failure-notice.tsx',
	];
	for (const file of uiFiles) {
		it(`R46: ${file}`, async () => {
			const config = (await eslint.calculateConfigForFile(file)) as {rules?: Record<string, unknown>};
			expect(config.rules?.['tickler/no-ui-literals']).toEqual([2]);
		});
	}
});
