// `model-radar/no-raw-ui-text`: in the VS Code adapters and the CLI, text a user reads goes through l10n.t
// (vscode.l10n.t in src/host, @vscode/l10n's t in the CLI), so it exists in l10n/bundle.l10n.json and is translated.
// A string or template literal holding English words is refused where it reaches the user directly: an argument of
// showInformationMessage / showWarningMessage / showErrorMessage / setStatusBarMessage, a stdout/stderr write, the
// text of a CodeAction, Diagnostic or MarkdownString, a UI property of an object literal (title, placeHolder,
// prompt, label, description, detail, tooltip, saveLabel, message) or an assignment to an item's text, tooltip,
// title, description, placeholder or message. Brand names, codicons, flags and URLs are not words a user reads
// as a sentence. test/unit/l10nCompleteness.test.ts lints a violation of each kind and proves it fires.

/** Taken out before looking for words: they read the same in every language. */
const NEUTRAL = [
  /\$\([a-z0-9~-]+\)/gi, // codicons
  /model-radar(?: (?:report|refs|swap|watch))?/g,
  /Model Radar/g,
  /OpenRouter/g,
  /BYOK/g,
  /https?:\/\/\S+/g,
  /--[a-z][a-z-]*/g, // command-line flags
  /\\[nt]/g,
  /sk-or-v1-\S*/g, // the shape of a key, as a placeholder
];

const UI_PROPERTIES = new Set(['title', 'placeHolder', 'placeholder', 'prompt', 'label', 'description', 'detail', 'tooltip', 'saveLabel', 'message']);
const UI_ASSIGNED = new Set(['text', 'tooltip', 'title', 'description', 'placeholder', 'message']);
const SHOW_CALLS = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'setStatusBarMessage']);

/** The static text of a literal or template, or null when the node is neither. */
function staticText(node) {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') return node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' ');
  return null;
}

/** Literals that can end up as the value: both branches of a conditional, both sides of `??` / `||`. */
function candidates(node) {
  if (!node) return [];
  if (node.type === 'ConditionalExpression') return [...candidates(node.consequent), ...candidates(node.alternate)];
  if (node.type === 'LogicalExpression') return [...candidates(node.left), ...candidates(node.right)];
  if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression') return candidates(node.expression);
  return [node];
}

export function hasWords(text) {
  let rest = text;
  for (const pattern of NEUTRAL) rest = rest.replace(pattern, ' ');
  return /[A-Za-z]{2,}/.test(rest);
}

function propertyName(node) {
  if (!node) return null;
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  return null;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'User-visible text in src/host and the CLI goes through l10n.t' },
    schema: [],
    messages: { raw: 'User-visible text must go through l10n.t (vscode.l10n.t in src/host, the CLI\'s l10n.t): {{text}}' },
  },
  create(context) {
    const check = (value) => {
      for (const node of candidates(value)) {
        const text = staticText(node);
        if (text !== null && hasWords(text)) context.report({ node, messageId: 'raw', data: { text: text.slice(0, 60) } });
      }
    };
    return {
      CallExpression(node) {
        const callee = node.callee;
        const name = callee.type === 'MemberExpression' ? propertyName(callee.property) : callee.type === 'Identifier' ? callee.name : null;
        if (name !== null && SHOW_CALLS.has(name)) node.arguments.forEach(check);
        // io.stdout.write(…), process.stderr.write(…)
        if (name === 'write' && callee.type === 'MemberExpression') {
          const target = callee.object;
          const stream = target.type === 'MemberExpression' ? propertyName(target.property) : target.type === 'Identifier' ? target.name : null;
          if (stream === 'stdout' || stream === 'stderr') node.arguments.forEach(check);
        }
      },
      NewExpression(node) {
        const callee = node.callee;
        const name = callee.type === 'MemberExpression' ? propertyName(callee.property) : callee.type === 'Identifier' ? callee.name : null;
        if (name === 'CodeAction' || name === 'MarkdownString') check(node.arguments[0]);
        if (name === 'Diagnostic') check(node.arguments[1]);
      },
      Property(node) {
        if (node.parent?.type !== 'ObjectExpression') return;
        const key = propertyName(node.key);
        if (key !== null && UI_PROPERTIES.has(key)) check(node.value);
      },
      AssignmentExpression(node) {
        if (node.left.type !== 'MemberExpression') return;
        const key = propertyName(node.left.property);
        if (key !== null && UI_ASSIGNED.has(key)) check(node.right);
      },
    };
  },
};

export const l10nPlugin = { rules: { 'no-raw-ui-text': rule } };
