// Layering rules of DESIGN.md §3, checked on import statements (STYLE.md habit 1).
// contract: zod and itself only. core: never electron or any shell. app: no shell. host/cli: no
// electron. preload: electron and the zod-free contract files. renderer: type-only imports of the
// contract (values only from its zod-free modules lists, definition-terms, definition-places and
// notice-file-limits), nothing else from
// src-main, no node: modules.
import fs from 'node:fs';
import path from 'node:path';

const IMPORT_RE = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

export function listImports(source) {
  const found = [];
  for (const m of source.matchAll(IMPORT_RE)) {
    const spec = m[3] ?? m[4] ?? m[5];
    found.push({ spec, typeOnly: Boolean(m[2]) });
  }
  return found;
}

function layerOf(file, root) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  if (rel.startsWith('src-renderer/')) return 'renderer';
  const m = /^src-main\/([^/]+)\//.exec(rel);
  return m ? m[1] : null;
}

function resolveLayer(spec, file, root) {
  if (!spec.startsWith('.')) return null;
  return layerOf(path.resolve(path.dirname(file), spec) + '/x', root) ?? layerOf(path.resolve(path.dirname(file), spec), root);
}

const SHELLS = ['electron', 'host', 'cli', 'preload'];
/** Contract modules without zod (pure functions and constants) the renderer may import values from. */
const ZOD_FREE_CONTRACT = /contract\/(lists|definition-terms|definition-places|notice-file-limits)$/;

export function checkFile(file, source, root) {
  const layer = layerOf(file, root);
  const problems = [];
  const say = (spec, why) => problems.push(`${path.relative(root, file)}: imports "${spec}": ${why}`);
  for (const { spec, typeOnly } of listImports(source)) {
    const target = resolveLayer(spec, file, root);
    const external = !spec.startsWith('.');
    if (layer === 'contract') {
      if (external && spec !== 'zod') say(spec, 'the contract imports only zod');
      if (!external && target !== 'contract') say(spec, 'the contract imports nothing outside itself');
    } else if (layer === 'core') {
      if (spec === 'electron' || spec.startsWith('electron/')) say(spec, 'core never imports electron');
      if (target && target !== 'core' && target !== 'contract') say(spec, `core does not depend on ${target}`);
      if (/react|i18next/.test(spec) && external) say(spec, 'core has no UI dependencies');
    } else if (layer === 'app') {
      if (spec === 'electron') say(spec, 'app handlers are shared by all shells; no electron here');
      if (target && SHELLS.includes(target)) say(spec, `app does not depend on the ${target} shell`);
    } else if (layer === 'host' || layer === 'cli') {
      if (spec === 'electron') say(spec, `${layer} must run without electron`);
      if (target && ['electron', 'preload'].includes(target)) say(spec, `${layer} does not depend on ${target}`);
    } else if (layer === 'preload') {
      if (external && spec !== 'electron') say(spec, 'the preload bundles nothing but electron');
      if (!external && !/contract\/(channel-names|bridge)$/.test(spec)) say(spec, 'the preload uses only the zod-free contract files');
    } else if (layer === 'renderer') {
      if (spec.startsWith('node:') || spec === 'electron') say(spec, 'the renderer has no Node or Electron access');
      if (target && target !== 'renderer') {
        if (target !== 'contract') say(spec, 'the renderer talks to src-main only through the contract');
        else if (!typeOnly && !ZOD_FREE_CONTRACT.test(spec)) say(spec, 'the renderer imports only types from the contract (use "import type")');
      }
    }
  }
  return problems;
}

export function checkTree(root) {
  const problems = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|mts|mjs|js)$/.test(entry.name)) problems.push(...checkFile(full, fs.readFileSync(full, 'utf8'), root));
    }
  };
  for (const top of ['src-main', 'src-renderer/src']) if (fs.existsSync(path.join(root, top))) walk(path.join(root, top));
  return problems;
}
