/**
 * R46: every word the popup, the settings, All reminders and the content script show comes from the
 * catalogs (`t(…)`, src/shared/i18n/t.ts). This rule refuses a string literal rendered as UI text:
 *   - JSX text, and a string or template literal as a JSX child expression (directly or as a branch of
 *     `a ? 'x' : 'y'` / `a && 'x'`);
 *   - a string or template literal in a JSX attribute a person reads: `title`, `aria-label`, `placeholder`,
 *     `alt`, and any prop whose name says label, title, text or message (`submitLabel`);
 *   - in DOM code (the content script): `textContent`, `title`, `placeholder` or `ariaLabel` set to a
 *     literal, in an object literal or an assignment, and `setAttribute('aria-label' | 'title', literal)`.
 * Allowed: text with nothing but white space, and the non-words in ALLOWED (symbols, not language).
 */
export const ALLOWED = new Set(['·', '×', '↗', '✎', '…', '—', '–', '(', ')', ',', '.', ':', '%', '/']);

const READ_ATTRIBUTES = /^(title|aria-label|aria-description|placeholder|alt)$|label|title|text|message/i;
const DOM_PROPERTIES = new Set(['textContent', 'innerText', 'title', 'placeholder', 'ariaLabel']);
const DOM_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt']);

/** The words a literal shows, or undefined when it shows none (white space, or an allowed symbol). */
function shownText(node) {
	if (!node) return undefined;
	let text;
	if (node.type === 'Literal' && typeof node.value === 'string') text = node.value;
	else if (node.type === 'JSXText') text = node.value;
	else if (node.type === 'TemplateLiteral') text = node.quasis.map(quasi => quasi.value.cooked ?? '').join(' ');
	else return undefined;
	const words = text
		.split(/\s+/)
		.filter(part => part !== '' && !ALLOWED.has(part))
		.join(' ');
	return words === '' ? undefined : words;
}

/** The literals an expression may render: itself, or the branches of `?:`, `&&`, `||`, `??`. */
function renderedLiterals(node) {
	if (!node) return [];
	if (node.type === 'ConditionalExpression')
		return [...renderedLiterals(node.consequent), ...renderedLiterals(node.alternate)];
	if (node.type === 'LogicalExpression') return renderedLiterals(node.right);
	return [node];
}

export default {
	meta: {
		type: 'problem',
		docs: {description: 'UI text comes from the catalogs (R46), not from string literals'},
		schema: [],
		messages: {
			literal:
				'UI text "{{text}}" is not from the catalog: add it to public/_locales/*/messages.json and use t() (R46).',
		},
	},
	create(context) {
		const report = node => {
			const text = shownText(node);
			if (text !== undefined) context.report({node, messageId: 'literal', data: {text: text.slice(0, 40)}});
		};

		return {
			JSXText: report,
			JSXExpressionContainer(node) {
				if (node.parent.type === 'JSXElement' || node.parent.type === 'JSXFragment') {
					for (const literal of renderedLiterals(node.expression)) report(literal);
				}
			},
			JSXAttribute(node) {
				const name = node.name.type === 'JSXNamespacedName' ? node.name.name.name : node.name.name;
				// `aria-labelledby` and `aria-describedby` name ids, not words.
				if (!READ_ATTRIBUTES.test(name) || /by$/i.test(name) || !node.value) return;
				if (node.value.type === 'JSXExpressionContainer') {
					for (const literal of renderedLiterals(node.value.expression)) report(literal);
				} else report(node.value);
			},
			Property(node) {
				const key = node.key.type === 'Identifier' ? node.key.name : node.key.value;
				if (DOM_PROPERTIES.has(key) && node.parent.type === 'ObjectExpression') report(node.value);
			},
			AssignmentExpression(node) {
				if (node.left.type === 'MemberExpression' && DOM_PROPERTIES.has(node.left.property.name)) report(node.right);
			},
			CallExpression(node) {
				const callee = node.callee;
				if (callee.type !== 'MemberExpression' || callee.property.name !== 'setAttribute') return;
				const [attribute, value] = node.arguments;
				if (attribute?.type === 'Literal' && DOM_ATTRIBUTES.has(attribute.value)) report(value);
			},
		};
	},
};
