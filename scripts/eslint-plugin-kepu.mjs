// ESLint plugin `kepu`, three rules of this repository.
// `kepu/disable-reason`: every eslint-disable comment says why after `--`, so a switched-off check
// is never unexplained.
// `kepu/no-row-cast`: a row read from SQLite is typed where the statement is prepared
// (`db.prepare<Params, Row>(…)`, with the `Db*` row types and mappers of core), never by an
// `as { … }` cast on what `.get(`/`.all(` returns: a shape spelt at the cast hides a column that was
// renamed or dropped, and the next query of the same table spells it again.
// `kepu/layers`: every import crosses a layer boundary only
// where the table in eslint.config.mjs allows it (DESIGN.md §3). The table lives in the config; this
// file only knows how to read it. Unlike a text scan it sees every form of import the parser sees:
// `import`, `export … from`, `import()`, `require()`, `import x = require()` and `typeof import()`,
// wherever they are written, and it resolves relative paths to the folder they land in, so
// `../../src-renderer/…` from the app is caught however many `../` it takes. A file in a folder no
// layer owns is reported too, so a new folder cannot slip past the rules.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules);

/** `name` matches `name`; `name/*` matches anything below `name/`; `node:*` and `builtin` match Node's own modules. */
function matchesPackage(spec, pattern) {
  if (pattern === 'builtin') return spec.startsWith('node:') || NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0]);
  if (pattern.endsWith('/*')) return spec.startsWith(pattern.slice(0, -1));
  return spec === pattern;
}

const toPosix = (p) => p.split(path.sep).join('/');

/** The layer owning a repository-relative path (a file, or a folder when an import names one), or null. */
export function layerAt(rel, layers) {
  return layers.find((l) => rel === l.path || rel.startsWith(`${l.path}/`)) ?? null;
}

/** Path of the imported module inside its layer, without extension or `/index` (`lists`, `` for the index). */
function moduleInLayer(rel, layer) {
  const inner = rel === layer.path ? '' : rel.slice(layer.path.length + 1);
  return inner.replace(/\.(d\.ts|ts|tsx|mts|mjs|js|json)$/, '').replace(/(^|\/)index$/, '');
}

/** Whether every binding of the import/export is a type (so nothing is loaded at run time). */
function typeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  if (node.type === 'TSImportType') return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');
}

/** Why `spec`, imported by a file of `layer`, is not allowed; null when it is. */
export function problemWith(spec, { file, root, layer, layers, isType }) {
  const bare = spec.replace(/\?.*$/, ''); // Vite's `?url` / `?raw` suffixes
  if (!bare.startsWith('.') && !path.isAbsolute(bare)) {
    const pkgs = layer.packages ?? {};
    if (pkgs.only && !pkgs.only.some((p) => matchesPackage(bare, p))) return `${layer.name} may import only the packages ${pkgs.only.join(', ')}`;
    const denied = (pkgs.deny ?? []).find((p) => matchesPackage(bare, p));
    if (denied) return `${layer.name} may not import ${denied === 'builtin' ? "Node's built-in modules" : denied}${pkgs.why ? ` (${pkgs.why})` : ''}`;
    return null;
  }
  const target = toPosix(path.relative(root, path.resolve(path.dirname(file), bare)));
  const targetLayer = layerAt(target, layers);
  if (!targetLayer) return `"${target}" belongs to no layer in eslint.config.mjs`;
  const grant = (layer.imports ?? []).find((g) => (typeof g === 'string' ? g : g.layer) === targetLayer.name);
  if (!grant) return `${layer.name} may not depend on ${targetLayer.name}`;
  if (typeof grant === 'string') return null;
  const mod = moduleInLayer(target, targetLayer);
  if (grant.values?.includes(mod)) return null;
  if (grant.types && isType) return null;
  const allowed = grant.values?.length ? ` (values only from ${grant.values.join(', ')})` : '';
  return grant.types
    ? `${layer.name} imports only types from ${targetLayer.name}${allowed}: use "import type"`
    : `${layer.name} may import from ${targetLayer.name} only ${grant.values.join(', ')}`;
}

const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports cross layer boundaries only where the layer table allows (DESIGN.md §3)' },
    schema: [{ type: 'object', properties: { root: { type: 'string' }, layers: { type: 'array' }, checked: { type: 'array' } }, additionalProperties: false }],
    messages: {
      crossing: 'imports "{{spec}}": {{why}}',
      unowned: '{{file}} is in a folder no layer owns: add the folder to the layer table in eslint.config.mjs',
    },
  },
  create(context) {
    const { root, layers, checked } = context.options[0];
    const file = context.filename;
    const rel = toPosix(path.relative(root, file));
    const layer = layerAt(rel, layers);
    const check = (node, source) => {
      if (!layer || !source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const why = problemWith(source.value, { file, root, layer, layers, isType: typeOnly(node) });
      if (why) context.report({ node: source, messageId: 'crossing', data: { spec: source.value, why } });
    };
    return {
      Program(node) {
        if (!layer && checked.some((top) => rel.startsWith(`${top}/`))) context.report({ node, loc: { line: 1, column: 0 }, messageId: 'unowned', data: { file: rel } });
      },
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      // typescript-eslint 8 names the module `source` (older versions: `argument.literal`).
      TSImportType: (node) => check(node, node.source ?? node.argument?.literal),
      TSExternalModuleReference: (node) => check(node.parent, node.expression),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) check(node, node.arguments[0]);
      },
    };
  },
};

const disableReasonRule = {
  meta: {
    type: 'suggestion',
    docs: { description: 'eslint-disable comments name their rules and say why after `--`' },
    schema: [],
    messages: { reason: 'say why after "--" (e.g. "eslint-disable-next-line rule -- why"), and name the rule' },
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const m = /^\s*eslint-disable(?:-next-line|-line)?(?=\s|$)(.*)$/s.exec(comment.value);
          if (!m) continue;
          const [rules, reason] = m[1].split(/\s--\s/);
          if (!rules.trim() || !reason?.trim()) context.report({ loc: comment.loc, messageId: 'reason' });
        }
      },
    };
  },
};

/** Statement methods that return rows (better-sqlite3). */
const ROW_METHODS = new Set(['get', 'all', 'iterate']);

/** Whether `type` spells a row shape: `{ … }`, `{ … }[]`, `{ … } | undefined`, `Array<{ … }>`. */
function isShape(type) {
  if (!type) return false;
  if (type.type === 'TSTypeLiteral') return true;
  if (type.type === 'TSArrayType') return isShape(type.elementType);
  if (type.type === 'TSUnionType' || type.type === 'TSIntersectionType') return type.types.some(isShape);
  if (type.type === 'TSTypeReference') return (type.typeArguments ?? type.typeParameters)?.params.some(isShape) ?? false;
  return false;
}

const noRowCastRule = {
  meta: {
    type: 'problem',
    docs: { description: 'rows from SQLite are typed by prepare<Params, Row>, not cast with `as`' },
    schema: [],
    messages: { cast: 'type the row with db.prepare<Params, Row>(…) (a Db* row type in core), not an `as` cast on .{{method}}()' },
  },
  create(context) {
    const check = (node) => {
      const call = node.expression.type === 'ChainExpression' ? node.expression.expression : node.expression;
      if (call.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || call.callee.computed) return;
      const method = call.callee.property.name;
      if (!ROW_METHODS.has(method)) return;
      // A cast that spells the row's shape (`as { … }[]`) is what the rule stops. A cast to a named
      // `Db*` type is left alone for now: the type is declared once beside its mapper, where a
      // schema change is seen (moving those into prepare<Params, Row> is the next step).
      if (!isShape(node.typeAnnotation)) return;
      context.report({ node, messageId: 'cast', data: { method } });
    };
    return { TSAsExpression: check, TSTypeAssertion: check };
  },
};

export default { meta: { name: 'eslint-plugin-kepu' }, rules: { layers: layersRule, 'disable-reason': disableReasonRule, 'no-row-cast': noRowCastRule } };
