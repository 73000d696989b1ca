// ESLint rule: files under src/core may only import from src/core itself or from npm packages
// that are not on the forbidden list (the simulator is a pure library; see STYLE.md).
import path from 'node:path';

/** Packages that touch the DOM or the UI framework and so never belong in the simulator. */
const FORBIDDEN_PACKAGES = ['svelte', 'd3', 'd3-selection', 'd3-transition', 'zustand'];

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Keep src/core free of UI, DOM and non-core imports' },
    schema: [],
    messages: {
      outside:
        "src/core must not import '{{source}}': it resolves outside src/core (dependencies point core <- worker <- state <- components).",
      forbidden:
        "src/core must not import '{{source}}': the simulator stays free of UI and DOM code.",
    },
  },
  create(context) {
    const filename = context.filename;
    const coreDir = path.join(context.cwd, 'src', 'core');
    function check(node, source) {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const resolved = path.resolve(path.dirname(filename), source);
        const relative = path.relative(coreDir, resolved);
        if (relative.startsWith('..') || path.isAbsolute(relative)) {
          context.report({ node, messageId: 'outside', data: { source } });
        }
        return;
      }
      const name = source.startsWith('@')
        ? source.split('/').slice(0, 2).join('/')
        : source.split('/')[0];
      if (source.startsWith('/') || source.startsWith('src/') || source.startsWith('$')) {
        context.report({ node, messageId: 'outside', data: { source } });
      } else if (FORBIDDEN_PACKAGES.includes(name ?? '')) {
        context.report({ node, messageId: 'forbidden', data: { source } });
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
