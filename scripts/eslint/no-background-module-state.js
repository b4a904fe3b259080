/**
 * MV3 rule (engineering guide §2, after PixieBrix `persistBackgroundData`): the service worker is
 * stopped whenever Chrome likes, so a module-level `let`, or a module-level mutable container
 * (`new Map()`, `new Set()`, `[]`, `{}`) silently resets. Durable state belongs in Dexie, ephemeral
 * state in `storage.session`. Frozen data (`as const`, `Object.freeze`) and functions are fine.
 */
const MUTABLE_CONSTRUCTORS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array']);

function isMutableInitializer(node) {
	if (!node) return false;
	if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression') {
		if (node.typeAnnotation?.type === 'TSTypeReference' && node.typeAnnotation.typeName?.name === 'const') return false;
		return isMutableInitializer(node.expression);
	}
	if (node.type === 'NewExpression' && node.callee.type === 'Identifier')
		return MUTABLE_CONSTRUCTORS.has(node.callee.name);
	return node.type === 'ArrayExpression' && node.elements.length === 0;
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
	meta: {
		type: 'problem',
		docs: {description: 'Disallow mutable module-level state in the MV3 service worker'},
		messages: {
			letState:
				'Module-level `{{kind}}` in the service worker is lost when the worker stops. Keep state in Dexie or storage.session.',
			mutableContainer:
				'Module-level mutable container in the service worker is lost when the worker stops. Keep state in Dexie or storage.session.',
		},
		schema: [],
	},
	create(context) {
		return {
			'Program > VariableDeclaration, Program > ExportNamedDeclaration > VariableDeclaration'(node) {
				if (node.kind !== 'const') {
					context.report({node, messageId: 'letState', data: {kind: node.kind}});
					return;
				}
				for (const declarator of node.declarations) {
					if (isMutableInitializer(declarator.init)) context.report({node: declarator, messageId: 'mutableContainer'});
				}
			},
		};
	},
};
