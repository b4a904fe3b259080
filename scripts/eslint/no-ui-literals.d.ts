/** Types for the rule module (plain JS so eslint.config.js loads it without a build step). */
import type {Rule} from 'eslint';

declare const rule: Rule.RuleModule;
export default rule;
export declare const ALLOWED: ReadonlySet<string>;
