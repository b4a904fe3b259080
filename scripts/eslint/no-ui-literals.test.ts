/** RuleTester cases for R46's lint rule: UI text comes from the catalogs, not from string literals. */
import {RuleTester} from 'eslint';
import tseslint from 'typescript-eslint';
import {describe, it} from 'vitest';
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
