// R37: admin-made validation rules that refuse a write with FIELD_CUSTOM_VALIDATION_EXCEPTION, per record
// (salesforce-facts.md §6 error catalogue; the `fields` list names the rule's error field when it has one).

import {SfError} from '../api/errors.js';
import type {SRecord} from './store.js';

export type RuleCondition = {field: string; equals?: unknown; contains?: string} | 'always';
export type ValidationRule = {
	name: string;
	errorMessage: string;
	field?: string;
	when: RuleCondition;
	on: ('create' | 'update')[];
};

export class ValidationRules {
	private readonly rules = new Map<string, ValidationRule>();

	set(rule: ValidationRule): void {
		this.rules.set(rule.name, rule);
	}

	remove(name: string): boolean {
		return this.rules.delete(name);
	}

	list(): ValidationRule[] {
		return [...this.rules.values()];
	}

	/** Evaluates every rule on the record as it would be saved; the first match refuses the write. */
	check(op: 'create' | 'update', row: SRecord): void {
		for (const rule of this.rules.values()) {
			if (!rule.on.includes(op) || !matches(rule.when, row)) continue;
			throw new SfError(400, 'FIELD_CUSTOM_VALIDATION_EXCEPTION', rule.errorMessage, rule.field ? [rule.field] : []);
		}
	}
}

function matches(when: RuleCondition, row: SRecord): boolean {
	if (when === 'always') return true;
	const v = row[when.field] ?? null;
	if ('equals' in when) return v === (when.equals ?? null);
	if (when.contains !== undefined) return typeof v === 'string' && v.includes(when.contains);
	return v !== null;
}
