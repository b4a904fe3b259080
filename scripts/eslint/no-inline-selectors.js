/**
 * Convention 12 (docs/engineering.md): every Salesforce DOM selector lives in `src/content/selectors.ts`,
 * where selectors.test.ts checks each against saved pages. This rule, on src/content outside that file,
 * refuses a selector written in place: a string passed to `querySelector`, `querySelectorAll`, `closest`,
 * `matches`, `getElementsByClassName`, `getElementsByTagName` or `getElementById` — a string literal, a
 * template literal, a `+` of strings, or a `const` (or a property of a `const` object) of the same file
 * holding one. A selector imported from selectors.ts (or any value the rule cannot read as text) passes.
 *
 * Tickler's own DOM is not Salesforce's, and two cases are told apart by what the code itself shows:
 * - the selector is just the tag of one of Tickler's custom elements (`tickler-…`, e.g. the badge's host);
 * - the call is made on a shadow root the same file made with `attachShadow(…)` (Tickler's own, never the
 *   page's: a page element's shadow root is reached through `.shadowRoot`, which is not exempt).
 */
const METHODS = new Set([
	'querySelector',
	'querySelectorAll',
	'closest',
	'matches',
	'getElementsByClassName',
	'getElementsByTagName',
	'getElementById',
]);
const OWN_TAG = /^tickler-[a-z\d-]+$/;

/** The variable an identifier refers to, looked up from the scope of `node`. */
function resolve(sourceCode, node, name) {
	for (let scope = sourceCode.getScope(node); scope; scope = scope.upper) {
		const variable = scope.set.get(name);
		if (variable) return variable;
	}

	return undefined;
}

/** The `const` declarator an identifier is bound to, if that is all it is. */
function constDeclarator(sourceCode, identifier) {
	const variable = resolve(sourceCode, identifier, identifier.name);
	if (!variable || variable.defs.length !== 1) return undefined;
	const def = variable.defs[0];
	if (def.type !== 'Variable' || def.parent.kind !== 'const' || def.node.id.type !== 'Identifier') return undefined;
	return def.node;
}

function unwrap(node) {
	let inner = node;
	while (
		inner.type === 'TSAsExpression' ||
		inner.type === 'TSSatisfiesExpression' ||
		inner.type === 'TSNonNullExpression'
	)
		inner = inner.expression;
	return inner;
}

/**
 * What the argument says as text: `{text}` when known in full, `{text: undefined}` when it is built from
 * string pieces with unknown parts, undefined when it is not string text the rule can see.
 */
function staticText(sourceCode, node, depth = 0) {
	const value = unwrap(node);
	if (value.type === 'Literal') return typeof value.value === 'string' ? {text: value.value} : undefined;
	if (value.type === 'TemplateLiteral')
		return value.expressions.length === 0 ? {text: value.quasis[0].value.cooked} : {text: undefined};
	if (value.type === 'BinaryExpression' && value.operator === '+') {
		const left = staticText(sourceCode, value.left, depth + 1);
		const right = staticText(sourceCode, value.right, depth + 1);
		if (!left && !right) return undefined;
		const known = left?.text !== undefined && right?.text !== undefined;
		return {text: known ? left.text + right.text : undefined};
	}

	if (depth >= 5) return undefined;
	if (value.type === 'Identifier') {
		const declarator = constDeclarator(sourceCode, value);
		return declarator?.init ? staticText(sourceCode, declarator.init, depth + 1) : undefined;
	}

	const property = value.type === 'MemberExpression' ? objectProperty(sourceCode, value) : undefined;
	return property ? staticText(sourceCode, property, depth + 1) : undefined;
}

/** `SELECTORS.row` where `const SELECTORS = {row: …}` in this file: the property's value. */
function objectProperty(sourceCode, member) {
	if (member.computed || member.object.type !== 'Identifier' || member.property.type !== 'Identifier') return undefined;
	const init = constDeclarator(sourceCode, member.object)?.init;
	const object = init ? unwrap(init) : undefined;
	if (object?.type !== 'ObjectExpression') return undefined;
	const found = object.properties.find(
		entry =>
			entry.type === 'Property' &&
			!entry.computed &&
			((entry.key.type === 'Identifier' && entry.key.name === member.property.name) ||
				(entry.key.type === 'Literal' && entry.key.value === member.property.name)),
	);
	return found?.value;
}

/** `shadow.querySelector(…)` where `const shadow = host.attachShadow(…)` in this file. */
function isOwnShadowRoot(sourceCode, receiver) {
	const object = unwrap(receiver);
	if (object.type !== 'Identifier') return false;
	const init = constDeclarator(sourceCode, object)?.init;
	if (!init) return false;
	const call = unwrap(init);
	return (
		call.type === 'CallExpression' &&
		call.callee.type === 'MemberExpression' &&
		!call.callee.computed &&
		call.callee.property.name === 'attachShadow'
	);
}

function methodName(callee) {
	if (callee.type !== 'MemberExpression') return undefined;
	if (!callee.computed) return callee.property.type === 'Identifier' ? callee.property.name : undefined;
	return callee.property.type === 'Literal' ? String(callee.property.value) : undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
	meta: {
		type: 'problem',
		docs: {description: 'Keep every Salesforce DOM selector in src/content/selectors.ts (convention 12)'},
		messages: {
			inline:
				'Selector {{selector}} passed to `{{method}}` outside src/content/selectors.ts. Salesforce selectors live there, each checked against saved pages (convention 12): add it there and import it.',
		},
		schema: [],
	},
	create(context) {
		const sourceCode = context.sourceCode;
		return {
			CallExpression(node) {
				const method = methodName(node.callee);
				if (method === undefined || !METHODS.has(method) || node.arguments.length === 0) return;
				const found = staticText(sourceCode, node.arguments[0]);
				if (!found) return;
				if (found.text !== undefined && OWN_TAG.test(found.text)) return;
				if (isOwnShadowRoot(sourceCode, node.callee.object)) return;
				const selector = found.text === undefined ? '(built from strings)' : JSON.stringify(found.text);
				context.report({node: node.arguments[0], messageId: 'inline', data: {selector, method}});
			},
		};
	},
};
