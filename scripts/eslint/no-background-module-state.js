/**
 * MV3 rule (engineering guide §2, after PixieBrix `persistBackgroundData`): the service worker is
 * stopped whenever Chrome likes, so a module-level `let`, or a module-level mutable container
 * (`new Map()`, `new Set()`, an array or object literal) silently resets. Durable state belongs in Dexie, ephemeral
 * state in `storage.session`. Frozen data (`as const`, `Object.freeze`) and functions are fine.
 */
const MUTABLE_CONSTRUCTORS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Object']);
/** Type names that make a declaration read-only to the type checker (`const X: ReadonlyMap<…> = new Map(…)`). */
const READONLY_TYPES = new Set(['Readonly', 'ReadonlyArray', 'ReadonlyMap', 'ReadonlySet']);

function isConstAssertion(node) {
	return (
		node.type === 'TSAsExpression' &&
		node.typeAnnotation?.type === 'TSTypeReference' &&
		node.typeAnnotation.typeName?.name === 'const'
	);
}

/** `readonly T[]`, `Readonly<…>`, `ReadonlyArray<…>`, `ReadonlyMap<…>`, `ReadonlySet<…>`: writes do not compile. */
function isReadonlyType(type) {
	if (!type) return false;
	if (type.type === 'TSTypeOperator') return type.operator === 'readonly';
	return type.type === 'TSTypeReference' && READONLY_TYPES.has(type.typeName?.name);
}

/**
 * An initializer that builds a container the module could mutate: an object or array literal (empty or
 * not), or `new Map()`/`Set`/`WeakMap`/`WeakSet`/`Array`/`Object`. `as const` and `Object.freeze(…)`
 * (a call, not flagged) are frozen data.
 */
function isMutableInitializer(node) {
	if (!node) return false;
	if (isConstAssertion(node)) return false;
	if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression' || node.type === 'TSNonNullExpression')
		return isMutableInitializer(node.expression);
	if (node.type === 'NewExpression' && node.callee.type === 'Identifier')
		return MUTABLE_CONSTRUCTORS.has(node.callee.name);
	return node.type === 'ArrayExpression' || node.type === 'ObjectExpression';
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
				'Module-level mutable container in the service worker is lost when the worker stops. Keep state in Dexie or storage.session; mark constant data `as const`, `Object.freeze` it or give it a readonly type.',
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
					if (isReadonlyType(declarator.id.typeAnnotation?.typeAnnotation)) continue;
					if (isMutableInitializer(declarator.init)) context.report({node: declarator, messageId: 'mutableContainer'});
				}
			},
		};
	},
};
